#include "settings/settings_form.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

#include "io/files.hpp"
#include "io/json.hpp"
#include "io/number_parse.hpp"
#include "report/report_data.hpp"
#include "text/text_util.hpp"

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The words of a libpq connection string, "key=value" or "key='a value'", as key -> value.
std::vector<std::pair<std::string, std::string>> conninfoWords(const std::string& conn)
{
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t i = 0;
    while (i < conn.size()) {
        while (i < conn.size() && conn[i] == ' ') ++i;
        const std::size_t eq = conn.find('=', i);
        if (eq == std::string::npos) break;
        std::string key = trimSpaces(conn.substr(i, eq - i)), value;
        i = eq + 1;
        while (i < conn.size() && conn[i] == ' ') ++i;
        if (i < conn.size() && conn[i] == '\'') {
            for (++i; i < conn.size() && conn[i] != '\''; ++i) {
                if (conn[i] == '\\' && i + 1 < conn.size()) ++i;
                value += conn[i];
            }
            ++i;
        } else {
            while (i < conn.size() && conn[i] != ' ') value += conn[i++];
        }
        out.emplace_back(std::move(key), std::move(value));
    }
    return out;
}

// A conninfo value quoted as libpq reads it ('' only when needed).
std::string conninfoValue(const std::string& v)
{
    if (!v.empty() && v.find_first_of(" '\\") == std::string::npos) return v;
    std::string out = "'";
    for (char c : v) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string postgresConninfo(const RegisterForm& f)
{
    std::string conn;
    const auto add = [&](const char* key, const std::string& value) {
        if (!trimSpaces(value).empty()) conn += (conn.empty() ? "" : " ") + std::string(key) + "=" + conninfoValue(trimSpaces(value));
    };
    add("host", f.host);
    add("port", f.port);
    add("dbname", f.database);
    add("user", f.user);
    return conn;
}

// A port as typed: empty -> `fallback`; anything but 1-5 digits -> 0, which check() refuses.
int portFromText(const std::string& text, int fallback)
{
    const std::string t = trimSpaces(text);
    if (t.empty()) return fallback;
    if (t.size() > 5 || t.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::stoi(t);
}

int defaultSmtpPort(MailSecurity s) { return s == MailSecurity::ssl ? 465 : s == MailSecurity::starttls ? 587 : 25; }
int defaultPop3Port(MailSecurity s) { return s == MailSecurity::ssl ? 995 : 110; }

std::string defaultSqliteFile() { return resolveRegisterLocation("sqlite:").target; }

std::string joinCodes(const std::vector<std::string>& codes)
{
    std::string out;
    for (const std::string& c : codes) out += (out.empty() ? "" : ", ") + c;
    return out;
}

std::vector<std::string> splitCodes(const std::string& text)
{
    std::string spaced = text;
    for (char& c : spaced)
        if (c == ',' || c == ';' || c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::istringstream in(spaced);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::string numberText(double v)
{
    std::ostringstream out;
    out << v;
    return out.str();
}

// An existing JSON settings file as an object to update (keys this page does not edit are kept);
// a fresh one when absent.
Object::Ptr existingObject(const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file)) return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    return parseJsonObject(readFile(file), displayName(file), [](const std::string& detail) {
        return Text{"Berkas tidak terbaca (" + detail + "); perbaiki atau hapus berkas ini, lalu simpan lagi.",
                    "The file cannot be read (" + detail + "); fix or delete it, then save again."};
    });
}

void writeObject(const Object::Ptr& root, const std::filesystem::path& file)
{
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(file, out.str());
}

}   // namespace

RegisterForm loadRegisterForm()
{
    const OfficeSettings office = loadOfficeSettings();
    const RegisterLocation loc = resolveRegisterLocation(trimSpaces(office.registerSpec).empty() ? "sqlite:" : office.registerSpec);
    const RegisterSettings reg = loadRegisterSettings(loc.settingsFile);
    RegisterForm f;
    f.postgresql = loc.kind == RegisterLocation::Kind::postgresql;
    f.sqliteFile = f.postgresql ? defaultSqliteFile() : loc.target;
    f.port = "5432";
    if (f.postgresql)
        for (const auto& [key, value] : conninfoWords(loc.target)) {
            if (key == "host") f.host = value;
            if (key == "port") f.port = value;
            if (key == "dbname") f.database = value;
            if (key == "user") f.user = value;
        }
    f.pattern = reg.pattern;
    f.perClassification = reg.perClassification;
    f.unitCode = reg.unitCode;
    f.classifications = joinCodes(reg.classifications);
    const auto dflt = [&](const char* kind) {
        const auto it = reg.defaultClassification.find(kind);
        return it == reg.defaultClassification.end() ? std::string() : it->second;
    };
    f.defaultPengantar = dflt("pengantar");
    f.defaultUndangan = dflt("undangan");
    return f;
}

RegisterLocation registerFormLocation(const RegisterForm& form, const std::string& password)
{
    if (!form.postgresql) {
        const std::string file = trimSpaces(form.sqliteFile);
        return resolveRegisterLocation("sqlite:" + (file.empty() ? defaultSqliteFile() : file));
    }
    std::string conn = postgresConninfo(form);
    if (!password.empty()) conn += " password=" + conninfoValue(password);
    return resolveRegisterLocation("postgresql:" + conn);
}

std::string registerPasswordKey(const RegisterForm& form)
{
    return "postgresql://" + trimSpaces(form.host) + ":" + trimSpaces(form.port) + "/" + trimSpaces(form.database);
}

void saveRegisterForm(const RegisterForm& form)
{
    const std::filesystem::path officeFile = officeSettingsFile();
    OfficeSettings office = loadOfficeSettings(officeFile);
    if (form.postgresql)
        office.registerSpec = "postgresql:" + postgresConninfo(form);
    else {
        const std::string file = trimSpaces(form.sqliteFile);
        office.registerSpec = file == defaultSqliteFile() ? std::string() : file;
    }
    std::vector<Problem> problems = office.problems(displayName(officeFile));
    if (form.postgresql) {
        const auto need = [&](const std::string& value, const char* field, const char* id, const char* en) {
            if (trimSpaces(value).empty())
                problems.push_back(Problem{displayName(officeFile), {}, {}, field,
                                           Text{std::string("Isi ") + id + " server PostgreSQL.",
                                                std::string("Fill in the PostgreSQL server's ") + en + "."}});
        };
        need(form.host, "register.host", "nama", "name");
        need(form.database, "register.dbname", "basis data", "database");
        need(form.user, "register.user", "pengguna", "user");
        const int port = portFromText(form.port, 5432);
        if (port < 1 || port > 65535)
            problems.push_back(Problem{displayName(officeFile), {}, {}, "register.port",
                                       Text{"Port PostgreSQL harus angka 1 sampai 65535 (biasanya 5432).",
                                            "The PostgreSQL port must be a number from 1 to 65535 (usually 5432)."}});
    }
    const RegisterLocation loc = registerFormLocation(form);
    RegisterSettings reg = loadRegisterSettings(loc.settingsFile);
    reg.pattern = trimSpaces(form.pattern);
    reg.perClassification = form.perClassification;
    reg.unitCode = trimSpaces(form.unitCode);
    reg.classifications = splitCodes(form.classifications);
    reg.defaultClassification.clear();
    if (!trimSpaces(form.defaultPengantar).empty()) reg.defaultClassification["pengantar"] = trimSpaces(form.defaultPengantar);
    if (!trimSpaces(form.defaultUndangan).empty()) reg.defaultClassification["undangan"] = trimSpaces(form.defaultUndangan);
    try {
        reg.check(displayName(loc.settingsFile));
    } catch (const Error& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    if (!problems.empty()) throw Error(std::move(problems));
    saveRegisterSettings(reg, loc.settingsFile);
    saveOfficeSettings(office, officeFile);
}

GeneralForm loadGeneralForm()
{
    const OfficeSettings s = loadOfficeSettings();
    GeneralForm f;
    f.staffName = s.staffName;
    f.workspaceFolder = s.workspaceFolder;
    f.smtpHost = s.smtp.host;
    f.smtpPort = std::to_string(s.smtp.port);
    f.smtpSecurity = s.smtp.security;
    f.smtpUser = s.smtp.user;
    f.fromName = s.smtp.fromName;
    f.fromAddress = s.smtp.fromAddress;
    f.pop3Host = s.pop3.host;
    f.pop3Port = std::to_string(s.pop3.port);
    f.pop3Security = s.pop3.security;
    f.pop3User = s.pop3.user;
    f.pop3Delete = s.pop3.deleteFromServer;
    return f;
}

void saveGeneralForm(const GeneralForm& f)
{
    const std::filesystem::path file = officeSettingsFile();
    OfficeSettings s = loadOfficeSettings(file);
    s.staffName = trimSpaces(f.staffName);
    s.workspaceFolder = trimSpaces(f.workspaceFolder);
    s.smtp.host = trimSpaces(f.smtpHost);
    s.smtp.security = f.smtpSecurity;
    s.smtp.port = portFromText(f.smtpPort, defaultSmtpPort(f.smtpSecurity));
    s.smtp.user = trimSpaces(f.smtpUser);
    s.smtp.fromName = trimSpaces(f.fromName);
    s.smtp.fromAddress = trimSpaces(f.fromAddress);
    s.pop3.host = trimSpaces(f.pop3Host);
    s.pop3.security = f.pop3Security;
    s.pop3.port = portFromText(f.pop3Port, defaultPop3Port(f.pop3Security));
    s.pop3.user = trimSpaces(f.pop3User);
    s.pop3.deleteFromServer = f.pop3Delete;
    saveOfficeSettings(s, file);   // checks every field first
}

EvaluationForm loadEvaluationForm(const std::filesystem::path& workspaceDir)
{
    const EvaluationConfig c = loadEvaluationConfig(workspaceDir);
    const report::Options o = report::loadOptions(workspaceDir);
    EvaluationForm f;
    for (const Band& b : c.bands) f.bands.push_back(BandText{numberText(b.min), b.label, b.labelEn});
    f.goodFrom = numberText(c.goodFrom);
    f.negative = c.negative;
    for (const std::string& line : o.dasarHukum) f.dasarHukum += (f.dasarHukum.empty() ? "" : "\n") + line;
    f.city = o.city;
    return f;
}

void saveEvaluationForm(const std::filesystem::path& workspaceDir, const EvaluationForm& f)
{
    const std::filesystem::path evalFile = workspaceDir / kEvaluationConfigFile;
    const std::filesystem::path reportFile = workspaceDir / report::kOptionsFile;
    const std::string evalName = displayName(evalFile), reportName = displayName(reportFile);
    std::vector<Problem> problems;
    const auto add = [&](const std::string& file, const std::string& field, Text t) {
        problems.push_back(Problem{file, {}, {}, field, std::move(t)});
    };
    Array::Ptr bands = new Array;
    std::optional<double> previous;
    for (std::size_t i = 0; i < f.bands.size(); ++i) {
        const BandText& b = f.bands[i];
        if (isBlank(b.min) && isBlank(b.label) && isBlank(b.labelEn)) continue;
        const std::string field = "predikat " + std::to_string(i + 1);
        const ParsedNumber min = parseNumberId(trimSpaces(b.min));
        if (!min.value)
            add(evalName, field, Text{"Batas bawah \"" + quotedForMessage(b.min) + "\" bukan angka: " + min.problem.id,
                                      "The lower bound \"" + quotedForMessage(b.min) + "\" is not a number: " +
                                          min.problem.en});
        else if (*min.value < 0 || *min.value > 1000)
            add(evalName, field, Text{"Batas bawah harus 0 sampai 1000 (persen capaian).",
                                      "The lower bound must be 0 to 1000 (percent achieved)."});
        else if (previous && *min.value >= *previous)
            add(evalName, field, Text{"Urutkan predikat dari batas bawah tertinggi ke terendah: batas ini harus di "
                                      "bawah " + numberText(*previous) + ".",
                                      "Order the bands from the highest lower bound to the lowest: this bound must be "
                                      "below " + numberText(*previous) + "."});
        if (isBlank(b.label))
            add(evalName, field, Text{"Isi nama predikat, mis. Sangat Tinggi.", "Fill in the band's label, e.g. Sangat Tinggi."});
        if (min.value) previous = *min.value;
        Object::Ptr band = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
        band->set("min", min.value.value_or(0));
        band->set("label", trimSpaces(b.label));
        band->set("labelEn", isBlank(b.labelEn) ? trimSpaces(b.label) : trimSpaces(b.labelEn));
        bands->add(band);
    }
    if (bands->size() == 0)
        add(evalName, "predikat", Text{"Isi minimal satu predikat.", "Fill in at least one band."});
    const ParsedNumber good = parseNumberId(trimSpaces(f.goodFrom));
    if (!good.value || *good.value < 0 || *good.value > 1000)
        add(evalName, "goodFrom", Text{"Batas capaian baik harus angka 0 sampai 1000, mis. 76.",
                                       "The good-achievement bound must be a number from 0 to 1000, e.g. 76."});
    if (f.city.find_first_of("\r\n") != std::string::npos || f.city.size() > 60)
        add(reportName, "kota", Text{"Kota harus satu baris, paling banyak 60 huruf.",
                                     "The city must be one line of at most 60 characters."});
    const std::vector<std::string> laws = nonEmptyLines(f.dasarHukum);
    Object::Ptr evalRoot, reportRoot;
    try {
        evalRoot = existingObject(evalFile);
    } catch (const Error& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    try {
        reportRoot = existingObject(reportFile);
    } catch (const Error& e) {
        problems.insert(problems.end(), e.problems().begin(), e.problems().end());
    }
    if (!problems.empty()) throw Error(std::move(problems));
    evalRoot->set("bands", bands);
    evalRoot->set("goodFrom", *good.value);
    evalRoot->set("negativeFormula", std::string(f.negative == NegativeFormula::inverse ? "inverse" : "ratio"));
    if (laws.empty())
        reportRoot->remove("dasarHukum");   // back to the built-in list
    else {
        Array::Ptr list = new Array;
        for (const std::string& l : laws) list->add(trimSpaces(l));
        reportRoot->set("dasarHukum", list);
    }
    reportRoot->set("kota", trimSpaces(f.city));
    writeObject(evalRoot, evalFile);
    writeObject(reportRoot, reportFile);
}

}   // namespace evakin
