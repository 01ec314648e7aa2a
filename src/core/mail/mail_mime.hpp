// The spreadsheets attached to one received message, found with Poco's MIME
// reader: multipart nested at any depth and forwarded messages (message/rfc822)
// are walked, base64 and quoted-printable bodies decoded by Poco, file names
// taken from Content-Disposition or Content-Type as RFC 2047 words or RFC 2231
// parameters (filename*=UTF-8''..., also split into filename*0*, filename*1*).
// Internal to mail/ (fetch.cpp).
#pragma once

#include <string>
#include <vector>

namespace evakin::mail_detail {

struct Attachment {
    std::string name;    // as the sender named it, decoded to UTF-8 (may hold a path or odd characters)
    std::string bytes;   // decoded content
};

struct ReceivedMessage {
    std::string from;                       // the sender's address (no display name), lower case
    std::string subject;                    // decoded
    std::string date;                       // the Date header as sent
    std::vector<Attachment> spreadsheets;   // .ods, .xlsx, .xls, .fods
    std::vector<std::string> otherFiles;    // attachments of other kinds, by name
};

// Parses a whole message as the server sent it; throws Poco::Exception (or std::exception)
// when its MIME structure cannot be read.
ReceivedMessage parseReceivedMessage(const std::string& raw);

// A name safe to save in inbox/: the last path component only, no control or reserved
// characters, not hidden, at most 120 bytes with its extension kept; "lampiran.ods" when
// nothing is left.
std::string safeFileName(const std::string& name);

// Whether collect reads a file of this name (.ods, .xlsx, .xls, .fods; any case).
bool isSpreadsheetName(const std::string& name);

}   // namespace evakin::mail_detail
