#include "mail/mail_mime.hpp"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/TextConverter.h>
#include <Poco/TextEncoding.h>
#include <Poco/URI.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace evakin::mail_detail {
namespace {

// Nesting deeper than this is not a reply from a unit (and would be a way to exhaust the stack).
constexpr int kMaxDepth = 12;

std::string toUtf8(const std::string& text, const std::string& charset)
{
    if (charset.empty() || Poco::icompare(charset, "utf-8") == 0 || Poco::icompare(charset, "us-ascii") == 0)
        return text;
    // Foundation's own encodings (Latin-1/2/9, Windows-1250..1252, UTF-16/32): enough for Indonesian names;
    // the extra ones would bring another library into the .oxt.
    Poco::TextEncoding* from = Poco::TextEncoding::find(charset);
    if (!from) return text;   // an unknown charset: the bytes as they are (the name is sanitised anyway)
    Poco::UTF8Encoding utf8;
    Poco::TextConverter converter(*from, utf8);
    std::string out;
    converter.convert(text, out);
    return out;
}

// RFC 2231: name*=charset'lang'%xx... or name*0*=charset'lang'..., name*1*=..., name*1=... in order.
std::string rfc2231Parameter(const Poco::Net::NameValueCollection& params, const std::string& name)
{
    std::map<int, std::pair<std::string, bool>> pieces;   // index -> (value, percent-encoded)
    for (const auto& [key, value] : params) {
        const std::string k = Poco::toLower(key);
        if (k == name + "*") {
            pieces[0] = {value, true};
        } else if (k.size() > name.size() + 1 && k.compare(0, name.size() + 1, name + "*") == 0) {
            std::string rest = k.substr(name.size() + 1);
            const bool encoded = !rest.empty() && rest.back() == '*';
            if (encoded) rest.pop_back();
            if (rest.empty() || rest.size() > 3 || !std::all_of(rest.begin(), rest.end(), ::isdigit)) continue;
            pieces[std::stoi(rest)] = {value, encoded};
        }
    }
    if (pieces.empty()) return {};
    std::string charset, out;
    for (auto& [index, piece] : pieces) {
        std::string value = piece.first;
        if (piece.second) {
            if (index == 0) {   // charset'language'value
                const auto q1 = value.find('\'');
                const auto q2 = q1 == std::string::npos ? q1 : value.find('\'', q1 + 1);
                if (q2 != std::string::npos) {
                    charset = value.substr(0, q1);
                    value = value.substr(q2 + 1);
                }
            }
            std::string decoded;
            Poco::URI::decode(value, decoded);
            value = decoded;
        }
        out += value;
    }
    return toUtf8(out, charset);
}

std::string parameterValue(const Poco::Net::MessageHeader& header, const std::string& field, const std::string& name)
{
    if (!header.has(field)) return {};
    std::string value;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get(field), value, params);
    std::string text = rfc2231Parameter(params, name);
    if (text.empty()) text = Poco::Net::MessageHeader::decodeWord(params.get(name, ""));
    return text;
}

std::string fileNameOf(const Poco::Net::MessageHeader& header)
{
    std::string name = parameterValue(header, "Content-Disposition", "filename");
    if (name.empty()) name = parameterValue(header, "Content-Type", "name");
    return name;
}

std::string contentTypeOf(const Poco::Net::MessageHeader& header)
{
    if (!header.has("Content-Type")) return "text/plain";
    return Poco::toLower(Poco::Net::MediaType(header.get("Content-Type")).getType() + "/" +
                         Poco::Net::MediaType(header.get("Content-Type")).getSubType());
}

class Collector : public Poco::Net::PartHandler {
public:
    Collector(ReceivedMessage& into, int depth) : into_(into), depth_(depth) {}

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override
    {
        const std::string type = contentTypeOf(header);
        std::string bytes;
        Poco::StreamCopier::copyToString(stream, bytes);
        if (type.compare(0, 10, "multipart/") == 0 || type == "message/rfc822") {
            if (depth_ >= kMaxDepth) return;
            // The nested part is read as a message of its own: for multipart its header carries
            // the boundary; a forwarded message brings its own header.
            std::string inner =
                type == "message/rfc822" ? bytes : "Content-Type: " + header.get("Content-Type") + "\r\n\r\n" + bytes;
            std::istringstream in(inner);
            Poco::Net::MailMessage nested;
            Collector child(into_, depth_ + 1);
            nested.read(in, child);
            return;
        }
        const std::string name = fileNameOf(header);
        if (name.empty()) return;   // the text of the message
        if (isSpreadsheetName(name))
            into_.spreadsheets.push_back({name, std::move(bytes)});
        else
            into_.otherFiles.push_back(name);
    }

private:
    ReceivedMessage& into_;
    int depth_;
};

std::string addressOf(const std::string& from)
{
    // "Name <a@b>" -> a@b; a bare address stays.
    const auto open = from.rfind('<');
    const auto close = from.rfind('>');
    std::string a = open != std::string::npos && close != std::string::npos && close > open
                        ? from.substr(open + 1, close - open - 1)
                        : from;
    return Poco::toLower(Poco::trim(a));
}

}   // namespace

bool isSpreadsheetName(const std::string& name)
{
    const std::string lower = Poco::toLower(name);
    for (const char* ext : {".ods", ".xlsx", ".xls", ".fods"}) {
        const std::size_t n = std::char_traits<char>::length(ext);
        if (lower.size() > n && lower.compare(lower.size() - n, n, ext) == 0) return true;
    }
    return false;
}

std::string safeFileName(const std::string& name)
{
    std::string base = name;
    const auto slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base = base.substr(slash + 1);
    std::string out;
    for (unsigned char c : base)
        if (c >= 0x20 && c != 0x7f && std::string(":*?\"<>|").find(static_cast<char>(c)) == std::string::npos)
            out += static_cast<char>(c);
    out = Poco::trim(out);
    while (!out.empty() && (out[0] == '.' || out[0] == '~' || out[0] == ' ')) out.erase(0, 1);
    constexpr std::size_t kMax = 120;
    if (out.size() > kMax) {
        const auto dot = out.rfind('.');
        const std::string ext = dot != std::string::npos && out.size() - dot <= 6 ? out.substr(dot) : "";
        std::size_t keep = kMax - ext.size();
        while (keep > 0 && (static_cast<unsigned char>(out[keep]) & 0xC0) == 0x80) --keep;   // whole UTF-8 characters
        out = out.substr(0, keep) + ext;
    }
    const auto dot = out.rfind('.');
    if (out.empty() || dot == 0) return "lampiran" + (dot == 0 ? out : std::string(".ods"));
    return out;
}

ReceivedMessage parseReceivedMessage(const std::string& raw)
{
    ReceivedMessage m;
    std::istringstream in(raw);
    Poco::Net::MailMessage message;
    Collector collector(m, 0);
    message.read(in, collector);
    m.from = addressOf(Poco::Net::MessageHeader::decodeWord(message.getSender()));
    m.subject = Poco::Net::MessageHeader::decodeWord(message.getSubject());
    m.date = message.get("Date", "");
    return m;
}

}   // namespace evakin::mail_detail
