// The toolbar commands behind org.evakin: URLs. Each takes the dispatch
// arguments, does its UI (unless Silent) and returns what the dispatch
// reports to a XDispatchResultListener. Arguments may also come in the URL's
// query ("org.evakin:Letter?Kind=undangan"), which is how the toolbar passes them.
//
// Common arguments: Workspace (string: system path or file:// URL) and Silent
// (bool: no dialogs, no document opened). Without Workspace: the current
// document's folder (or a parent) when it is a workspace; else (an Untitled
// document, or one outside every workspace) the user is asked, the last one
// used proposed; Silent then fails, naming the Workspace argument. Every message
// names the workspace and period the command acts on.
//
// Commands with dialogs run after the dispatch returned (protocol_handler.cxx);
// Silent=true or SynchronMode=true (DispatchHelper) run before it returns. A
// XDispatchResultListener is told the outcome either way.
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <rtl/ustring.hxx>

namespace evakin::uno
{

struct CommandOutcome
{
    bool success = false;
    rtl::OUString result; // JSON summary on success, the rendered message on failure
};

// Declares (here) and defines (in the command files) a command with the dispatch's parameters.
#define EVAKIN_UNO_COMMAND(name)                                                                   \
    CommandOutcome name(const css::uno::Reference<css::uno::XComponentContext>& context,           \
                        const css::uno::Reference<css::frame::XFrame>& frame,                      \
                        const css::uno::Sequence<css::beans::PropertyValue>& arguments)

// org.evakin:Distribute ("Bagikan Format"): a dialog (which units, all ticked; whether to
// replace forms in outbox/, naming those open in LibreOffice). Units ("SEKR,PPI"; default
// every unit), Overwrite (bool): replace forms in outbox/.
EVAKIN_UNO_COMMAND(distributeCommand);
// org.evakin:Collect ("Rekap Kiriman"): collect with progress, the summary, then
// hasil/rekap-pengumpulan.ods opened in Calc. Missing or invalid returns still succeed.
EVAKIN_UNO_COMMAND(collectCommand);
// org.evakin:NextPeriod ("Periode Baru"): a dialog (target folder, a warning when this
// period's returns are missing, invalid or not collected; opens the new plan when done).
// Target: the new workspace folder; without it the sibling named after the next period
// (e.g. 2026-tw2).
EVAKIN_UNO_COMMAND(nextPeriodCommand);
// org.evakin:Report ("Susun Draf Laporan"): a dialog (date, PDF or PDF/A, open when done),
// collects when needed, writes the .odt, opens it in Writer. Date (YYYY-MM-DD, default
// today), Pdf / PdfA (bool): also export PDF (PDF/A-2b) through LibreOffice.
EVAKIN_UNO_COMMAND(reportCommand);
// org.evakin:Correct ("Koreksi Data"): a dialog (unit, row, triwulan, new K and Rp, reason;
// shows the current value), recorded in koreksi.json as `evakin correct` records it. Unit,
// Row (plan row key, e.g. "1.01.02" or "1.01.02#2"), Triwulan (1..this period's), K, Rp
// (as typed, "85,5", or numbers; at least one), Reason, By (default: the system user).
// Result: the correction as `evakin correct --json` prints it.
EVAKIN_UNO_COMMAND(correctCommand);
// org.evakin:Letter ("Surat Pengantar" / "Undangan Rapat"): Kind pengantar (default) or undangan.
// A dialog first, pre-filled with the core's defaults (letter_defaults.hpp) and the number it will
// take; nothing is numbered or written before its OK, a problem shows it again as typed. Then
// takes the number and opens the letter in Writer. Arguments (also what Silent uses): Klasifikasi,
// Date, Subject, Sifat, Lampiran, By, Register (register spec), Pdf / PdfA; pengantar: To,
// ToPlace, Naskah (the whole table) or Items (rows after the report), as
// "NASKAH|BANYAKNYA|KETERANGAN;..."; undangan: MeetingDate (default: a week after the letter
// date), Time, Place, Agenda, Invitees ("A;B;..."; default every unit head and the Kepala
// Dinas), Signatory (sekretaris|kepala).
EVAKIN_UNO_COMMAND(letterCommand);
// org.evakin:Register ("Register Surat"): without Action, a dialog with the year's numbers (void
// one with a reason, export the Buku Agenda); Silent, or Action=export: exports
// hasil/buku-agenda-surat-keluar-YEAR.ods and opens it in Calc. Action=void with Number, Reason
// (required) and Year (0/absent: any year): marks the number void as `evakin register void`
// does. Action=list: the year's entries as JSON. Year (default this year), Register.
EVAKIN_UNO_COMMAND(registerCommand);
// org.evakin:Profile ("Profil Kantor"): the office profile (profil.json) in a dialog;
// checked before it is saved, a problem shown and the dialog opened again. Silent:
// no dialog; arguments named by field ("office.name", "units", ...) change those fields.
EVAKIN_UNO_COMMAND(profileCommand);
// org.evakin:Workspace ("Ruang Kerja"): a dialog that chooses the current workspace or
// creates one. Silent: Folder (new folder) with Year, Triwulan (1-4), Deadline (YYYY-MM-DD;
// default the 10th after the quarter), and From (an earlier workspace: its profile, plan and
// settings are copied) or Sample=true (the sample office); neither: an empty profile and
// plan. Without Folder, Workspace (an existing one) becomes the current one. All or nothing:
// a failed creation leaves no folder. Result: {"ok":true,"workspace":..,"period":..,...}.
EVAKIN_UNO_COMMAND(workspaceCommand);
// org.evakin:Help ("Panduan"): the guide of the SOP's steps and the commands, in the UI
// language, opened read-only in LibreOffice. Silent: only its file:// URL as {"ok":true,"file":..}.
EVAKIN_UNO_COMMAND(helpCommand);

} // namespace evakin::uno
