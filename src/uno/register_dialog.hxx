// The Register Surat dialog (org.evakin:Register): the year's numbers in a
// list (nomor, tanggal, hal, tujuan, status), voiding one with a reason, and
// exporting the Buku Agenda.
#pragma once

#include <string>
#include <vector>

#include "command_support.hxx"
#include "letters/register.hpp"

namespace evakin::uno
{

struct RegisterDialogState
{
    int year = 0;
    std::vector<evakin::RegisterEntry> entries; // the year's, in issuing order
    rtl::OUString heading;                      // workspace and register
    rtl::OUString status;                       // what the last action did; empty: nothing yet
    std::string reason;                         // the reason as last typed
    sal_Int16 chosen = -1;                      // the entry chosen last
};

struct RegisterDialogChoice
{
    enum Action
    {
        close,
        voidNumber,
        exportAgenda,
        showYear
    } action = close;
    int year = 0;         // as typed (0 when not a year)
    sal_Int16 entry = -1; // index into the state's entries, -1: none chosen
    std::string reason;
};

// One showing of the dialog; the caller acts on the choice and shows it again.
RegisterDialogChoice registerDialog(const CommandScope& scope, const RegisterDialogState& state);

} // namespace evakin::uno
