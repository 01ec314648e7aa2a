// The dialogs shown before a step writes anything: Susun Draf Laporan,
// Bagikan Format and Periode Baru (Koreksi Data has its own file). Each is
// pre-filled from what the command knows, names the workspace and period it
// acts on, and returns what the user chose, or nothing when cancelled. The
// commands call them in a loop: a problem is shown and the dialog opens again
// with what was typed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

#include "command_support.hxx"
#include "distribute/distribute.hpp"
#include "model/workspace.hpp"

namespace evakin::uno
{

// "Ruang kerja: /home/.../2026-tw1 (Triwulan I Tahun 2026)".
rtl::OUString workspaceHeading(const CommandScope& scope, const evakin::Workspace& ws);

struct ReportChoice
{
    rtl::OUString date; // ISO date; the core checks it
    bool pdf = false;
    bool pdfa = false;
    bool open = true;
};
std::optional<ReportChoice> reportDialog(const CommandScope& scope, const evakin::Workspace& ws,
                                         const ReportChoice& initial);

struct DistributeChoice
{
    std::vector<std::string> units; // unit codes ticked
    bool overwrite = false;
    bool sendMail = false; // "Kirim lewat surel": each unit's form to its e-mail address
};
// `targets` from evakin::formTargets; `openNow` the forms among them open in LibreOffice.
std::optional<DistributeChoice> distributeDialog(const CommandScope& scope,
                                                 const evakin::Workspace& ws,
                                                 const std::vector<evakin::FormTarget>& targets,
                                                 const std::vector<std::filesystem::path>& openNow,
                                                 const DistributeChoice& initial);

struct NextPeriodChoice
{
    rtl::OUString target; // the new workspace folder as typed (system path)
    bool open = true;
};
// `returnsWarning`: what is not in order in this period (empty: all returns in and valid).
std::optional<NextPeriodChoice> nextPeriodDialog(const CommandScope& scope,
                                                 const evakin::Workspace& ws,
                                                 const std::string& returnsWarning,
                                                 const NextPeriodChoice& initial);

// The local files of the documents open in LibreOffice now (the desktop's components).
std::vector<std::filesystem::path>
openDocumentFiles(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace evakin::uno
