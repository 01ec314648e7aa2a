// Fetching the returns from the mailbox the units reply to (SOP step 6): every
// message not fetched before (remembered by its POP3 UIDL in
// hasil/penerimaan.json, with sender, subject, date and the files saved) is
// read, and its spreadsheet attachments (.ods, .xlsx, .xls, .fods) are saved
// into inbox/ under their own names, sanitised, never over a file already
// there ("nama (2).ods"). Messages stay on the server unless deletion is asked.
// One bad message never stops the others.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "mail/mail.hpp"

namespace evakin {

struct ReceivedMail {
    std::string uidl;
    std::string from;   // the sender's address
    std::string subject;
    std::string date;                 // the message's Date header
    std::string time;                 // when it was fetched, ISO 8601 local time
    std::vector<std::string> files;   // saved into inbox/, by name
    Text note;   // what was odd: no spreadsheet attached, other files, unreadable MIME (empty: none)
};

struct FetchResult {
    std::string period;
    std::size_t onServer = 0;            // messages in the mailbox
    std::vector<ReceivedMail> fetched;   // read now (and recorded), with or without files
    std::size_t alreadyFetched = 0;      // on the server and in the record: not read again
    std::size_t deleted = 0;             // deleted from the server (only when asked)
    std::vector<Problem> problems;       // messages that could not be read or saved, each named
    std::size_t savedFiles() const;
    bool complete() const { return problems.empty(); }
    std::string toJson(Lang lang) const;
    std::string summary(Lang lang) const;
};

// Throws Error when the workspace cannot be used, when the server cannot be reached or
// refuses the login, or when the record is damaged (nothing saved then).
FetchResult fetchReturns(const std::filesystem::path& workspaceDir, const Pop3Settings& settings);

// hasil/penerimaan.json (empty when absent; Error when damaged).
std::filesystem::path receiveRecordFile(const std::filesystem::path& workspaceDir);
std::vector<ReceivedMail> loadReceiveRecord(const std::filesystem::path& workspaceDir);
// The sender of each file saved into inbox/ by fetch: file name -> address.
std::map<std::string, std::string> sendersOfInboxFiles(const std::filesystem::path& workspaceDir);

}   // namespace evakin
