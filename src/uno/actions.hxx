// The core calls as UNO callers need them: arguments converted, every failure
// turned into a UNO exception carrying the rendered, UI-language message.
#pragma once

#include <filesystem>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XInterface.hpp>
#include <rtl/ustring.hxx>

#include "distribute.hpp"

namespace evakin::uno {

// A workspace argument (file:// URL or system path) as a path. Throws
// IllegalArgumentException when it is empty or not a convertible URL.
std::filesystem::path workspaceArgument(const rtl::OUString& workspace, evakin::Lang lang,
                                        const css::uno::Reference<css::uno::XInterface>& source);

// evakin::distribute. Throws IllegalArgumentException for problems in the
// input (evakin::Error) and RuntimeException for anything else.
evakin::DistributeResult distributeForUno(const std::filesystem::path& workspace, bool overwrite,
                                          evakin::Lang lang, const evakin::ProgressFn& progress,
                                          const css::uno::Reference<css::uno::XInterface>& source);

}  // namespace evakin::uno
