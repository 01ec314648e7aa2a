#include "actions.hxx"

#include <exception>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include "convert.hxx"
#include "texts.hxx"

namespace evakin::uno {

std::filesystem::path workspaceArgument(const rtl::OUString& workspace, evakin::Lang lang,
                                        const css::uno::Reference<css::uno::XInterface>& source)
{
    if (workspace.trim().isEmpty())
        throw css::lang::IllegalArgumentException(toOUString(texts::missingWorkspaceArgument.in(lang)), source, 0);
    std::filesystem::path path = toPath(workspace);
    if (path.empty())
        throw css::lang::IllegalArgumentException(
            toOUString(texts::badWorkspaceArgument.in(lang)) + workspace, source, 0);
    return path;
}

evakin::DistributeResult distributeForUno(const std::filesystem::path& workspace, bool overwrite,
                                          evakin::Lang lang, const evakin::ProgressFn& progress,
                                          const css::uno::Reference<css::uno::XInterface>& source)
{
    evakin::DistributeOptions options;
    options.overwrite = overwrite;
    options.progress = progress;
    try {
        return evakin::distribute(workspace, options);
    } catch (const evakin::Error& e) {
        throw css::lang::IllegalArgumentException(toOUString(e.render(lang)), source, 0);
    } catch (const css::uno::Exception&) {
        throw;  // from a progress callback: already a UNO exception
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(toOUString(texts::unexpectedError.in(lang) + e.what()), source);
    }
}

}  // namespace evakin::uno
