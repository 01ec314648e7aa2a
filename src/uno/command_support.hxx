// What every toolbar command shares: reading its dispatch arguments, finding
// the workspace, running the work with the error handling and message boxes
// a user expects, and opening a result document. One copy here, so each
// command file holds only what is its own.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "commands.hxx"
#include "text/error.hpp"
#include "ui_helpers.hxx"

namespace evakin::uno
{

// The dispatch arguments by name; absent ones read as empty / false.
class CommandArguments
{
public:
    explicit CommandArguments(const css::uno::Sequence<css::beans::PropertyValue>& arguments)
        : arguments_(arguments)
    {
    }
    rtl::OUString string(const char* name) const;
    bool flag(const char* name) const;
    sal_Int32 integer(const char* name) const; // a number or a numeric string; 0 when absent
    bool has(const char* name) const;

private:
    css::uno::Sequence<css::beans::PropertyValue> arguments_;
};

// One running command: where it shows its dialogs, in which language, and whether at all.
struct CommandScope
{
    css::uno::Reference<css::uno::XComponentContext> context;
    css::uno::Reference<css::frame::XFrame> frame;
    evakin::Lang lang = evakin::Lang::id;
    bool silent = false; // argument Silent=true: no dialog, no document opened (tests, macros)
    rtl::OUString title; // the command's title, for its message boxes
    // The workspace the command acts on, once found (runWorkspaceCommand): its messages end
    // with it and its period ("Ruang kerja: Triwulan I Tahun 2026 — /home/...").
    std::filesystem::path workspace;

    CommandScope(const css::uno::Reference<css::uno::XComponentContext>& context,
                 const css::uno::Reference<css::frame::XFrame>& frame,
                 const CommandArguments& arguments, const evakin::Text& title);

    rtl::OUString text(const evakin::Text& t) const;
    void message(MessageKind kind, const rtl::OUString& text) const; // nothing when silent
    bool ask(const rtl::OUString& question) const;                   // false when silent
};

bool isWorkspaceDir(const std::filesystem::path& dir) noexcept;

// The workspace holding the frame's document (its folder or a parent); empty when none.
std::filesystem::path documentWorkspace(const css::uno::Reference<css::frame::XFrame>& frame);

// The workspace a command works on: the argument Workspace when given, else
// the current document's folder (or a parent) when it is a workspace, else the
// user chooses one in a small dialog with the last one used proposed (never
// taken without asking: an Untitled document must not act on another period).
// Empty when there is none, the user cancelled, or silent without an argument.
// A workspace found is remembered as the last used.
std::filesystem::path commandWorkspace(const CommandScope& scope,
                                       const CommandArguments& arguments);

// Thrown inside a command body to end it as a failure with this message and
// no error box (the user cancelled, or declined a question).
struct CommandStopped
{
    rtl::OUString message;
};

// A command's own work on its workspace; returns the JSON result.
using CommandBody =
    std::function<rtl::OUString(const CommandScope& scope, const CommandArguments& args,
                                const std::filesystem::path& workspace)>;

// Runs a command's work, `body` returning its JSON result, as every command does: a
// CommandStopped, a core error, a UNO error or any other exception becomes a failed outcome
// carrying the message in staff words (never a library's text), shown in an error box
// unless silent or stopped on purpose. The one catch chain of the commands.
CommandOutcome runGuarded(const CommandScope& scope, const std::function<rtl::OUString()>& body);

// Finds the workspace (commandWorkspace) and runs body on it (runGuarded). No workspace,
// a core error or a UNO error becomes a failed outcome carrying the rendered
// message, shown in an error box unless silent.
CommandOutcome runWorkspaceCommand(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const css::uno::Reference<css::frame::XFrame>& frame,
                                   const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                   const evakin::Text& title, const CommandBody& body);

// Opens a result document in a new LibreOffice window (Calc or Writer, by its type); one
// already open is brought to the front and reloaded instead (never a second window).
// Best effort: a document that cannot be shown is reported, the work stays done.
void openResult(const CommandScope& scope, const std::filesystem::path& document);

// Loads a document without showing it, for an export; the caller closes it (closeDocument).
css::uno::Reference<css::lang::XComponent>
loadHidden(const css::uno::Reference<css::uno::XComponentContext>& context,
           const std::filesystem::path& document);
void closeDocument(const css::uno::Reference<css::lang::XComponent>& document) noexcept;

} // namespace evakin::uno
