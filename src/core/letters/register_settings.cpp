#include "letters/register_settings.hpp"

#include <Poco/DateTime.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/format_id.hpp"
#include "io/json.hpp"

namespace evakin {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

const char* const kPlaceholders[] = {"klasifikasi", "urut", "kode_unit", "tahun", "bulan", "bulan_romawi"};

// Codes appear in numbers and file names: digits, letters, '.', '-' only.
bool safeClassification(const std::string& code)
{
    if (code.empty() || code.size() > 30) return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; });
}

}   // namespace

bool RegisterSettings::knowsClassification(const std::string& code) const
{
    return std::find(classifications.begin(), classifications.end(), code) != classifications.end();
}

void RegisterSettings::check(const std::string& sourceName) const
{
    std::vector<Problem> problems;
    const auto add = [&](const std::string& field, Text t) {
        problems.push_back(Problem{sourceName, {}, {}, field, std::move(t)});
    };
    bool hasSeq = false;
    for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', open + 1)) {
        const std::size_t close = pattern.find('}', open);
        const std::string key =
            close == std::string::npos ? pattern.substr(open) : pattern.substr(open + 1, close - open - 1);
        if (close == std::string::npos ||
            std::find(std::begin(kPlaceholders), std::end(kPlaceholders), key) == std::end(kPlaceholders))
            add("pola_nomor", Text{"Pola nomor memuat \"{" + key +
                                       "}\" yang tidak dikenal. Yang dikenal: {klasifikasi} {urut} {kode_unit} {tahun} "
                                       "{bulan} {bulan_romawi}.",
                                   "The number pattern has an unknown \"{" + key +
                                       "}\". Known: {klasifikasi} {urut} {kode_unit} {tahun} {bulan} {bulan_romawi}."});
        if (key == "urut") hasSeq = true;
    }
    if (!hasSeq)
        add("pola_nomor", Text{"Pola nomor \"" + pattern +
                                   "\" tidak memuat {urut}: setiap surat akan bernomor sama. Tambahkan {urut}, mis. "
                                   "{klasifikasi}/{urut}/{kode_unit}/{tahun}.",
                               "The number pattern \"" + pattern +
                                   "\" has no {urut}: every letter would get the same number. Add {urut}, e.g. "
                                   "{klasifikasi}/{urut}/{kode_unit}/{tahun}."});
    if (classifications.empty())
        add("klasifikasi", Text{"Daftar kode klasifikasi kosong. Isi minimal satu kode, mis. 000.7.5.",
                                "The classification code list is empty. Add at least one, e.g. 000.7.5."});
    for (std::size_t i = 0; i < classifications.size(); ++i)
        if (!safeClassification(classifications[i]))
            add("klasifikasi[" + std::to_string(i + 1) + "]",
                Text{"Kode klasifikasi \"" + classifications[i] +
                         "\" hanya boleh berisi angka, huruf, titik dan tanda hubung.",
                     "Classification code \"" + classifications[i] +
                         "\" may only hold digits, letters, dots and hyphens."});
    for (const auto& [kind, code] : defaultClassification)
        if (!knowsClassification(code))
            add("klasifikasi_bawaan." + kind, Text{"Kode bawaan \"" + code + "\" tidak ada di daftar klasifikasi.",
                                                   "Default code \"" + code + "\" is not in the classification list."});
    if (busyTimeoutMs < 0 || busyTimeoutMs > 600000)
        add("batas_tunggu_ms", Text{"batas_tunggu_ms harus 0 sampai 600000.", "batas_tunggu_ms must be 0 to 600000."});
    if (!problems.empty()) throw Error(std::move(problems));
}

RegisterSettings loadRegisterSettings(const std::filesystem::path& file)
{
    RegisterSettings s;
    if (file.empty() || !std::filesystem::exists(file)) return s;
    const std::string name = displayName(file);
    const auto unreadable = [](const Text& why) {
        return Text{"Pengaturan register tidak terbaca: " + why.id +
                        ". Perbaiki JSON-nya atau hapus berkas ini untuk memakai bawaan.",
                    "The register settings cannot be read: " + why.en +
                        ". Fix the JSON or delete the file to use the defaults."};
    };
    const Object::Ptr root = parseJsonObject(readFile(file), name, unreadable);
    // A misspelt key ("pola_nmor") or a newer format would otherwise be ignored without a word, and
    // letters numbered by the defaults.
    std::vector<Problem> problems;
    static const char* const known[] = {"format",      "pola_nomor",         "urutan_per_klasifikasi", "kode_unit",
                                        "klasifikasi", "klasifikasi_bawaan", "batas_tunggu_ms"};
    for (const std::string& key : root->getNames())
        if (std::find(std::begin(known), std::end(known), key) == std::end(known))
            problems.push_back(Problem{name,
                                       {},
                                       {},
                                       key,
                                       Text{"Pengaturan \"" + key +
                                                "\" tidak dikenal. Periksa ejaannya (dikenal: "
                                                "pola_nomor, urutan_per_klasifikasi, kode_unit, klasifikasi, "
                                                "klasifikasi_bawaan, batas_tunggu_ms) atau hapus baris itu.",
                                            "Unknown setting \"" + key +
                                                "\". Check its spelling (known: pola_nomor, "
                                                "urutan_per_klasifikasi, kode_unit, klasifikasi, "
                                                "klasifikasi_bawaan, batas_tunggu_ms) or remove the line."}});
    const JsonFile settings{
        name,
        {"Perbaiki berkasnya atau hapus untuk memakai bawaan.", "Fix the file or delete it to use the defaults."}};
    // A whole number; null is as absent, text or a list is named (its Poco text never quoted below).
    const auto format = optionalNumber(settings, root, "format",
                                       {"format", {"versi format (\"format\")", "format version"}}, {0, 1e6, true});
    if (format && *format != 1)
        problems.push_back(Problem{name,
                                   {},
                                   {},
                                   "format",
                                   Text{"Versi format " + root->get("format").toString() +
                                            " tidak dikenal: Evakin ini membaca format 1. Pakai Evakin yang "
                                            "membuat berkas ini, atau tulis \"format\": 1.",
                                        "Unknown format version " + root->get("format").toString() +
                                            ": this Evakin reads format 1. Use the Evakin that wrote the file, or "
                                            "write \"format\": 1."}});
    if (!problems.empty()) throw Error(std::move(problems));
    try {
        if (root->has("pola_nomor")) s.pattern = root->getValue<std::string>("pola_nomor");
        s.perClassification = optionalBool(settings, root, "urutan_per_klasifikasi",
                                           {"urutan_per_klasifikasi",
                                            {"urutan per klasifikasi (\"urutan_per_klasifikasi\")",
                                             "numbering per classification (\"urutan_per_klasifikasi\")"}},
                                           s.perClassification);
        if (root->has("kode_unit")) s.unitCode = root->getValue<std::string>("kode_unit");
        if (root->has("klasifikasi")) {
            s.classifications.clear();
            for (const auto& v : *root->getArray("klasifikasi")) s.classifications.push_back(v.toString());
        }
        if (const Object::Ptr d = root->getObject("klasifikasi_bawaan")) {
            s.defaultClassification.clear();
            for (const auto& [kind, code] : *d) s.defaultClassification[kind] = code.toString();
        }
        // 0 to 10 minutes, in whole milliseconds: 1.5 or "lama" is refused here, never truncated.
        s.busyTimeoutMs = static_cast<int>(
            optionalNumber(
                settings, root, "batas_tunggu_ms",
                {"batas_tunggu_ms", {"batas tunggu (\"batas_tunggu_ms\")", "wait limit (\"batas_tunggu_ms\")"}},
                {0, 600000, true})
                .value_or(s.busyTimeoutMs));
        // A register.json written before the Permendagri 83/2022 defaults lists its own codes (005, 050)
        // without naming the defaults: it keeps the codes it was using rather than being refused.
        if (root->has("klasifikasi") && !root->has("klasifikasi_bawaan"))
            for (auto& [kind, code] : s.defaultClassification)
                if (!s.knowsClassification(code)) {
                    const std::string earlier = kind == "pengantar" ? "050" : kind == "undangan" ? "005" : "";
                    code = s.knowsClassification(earlier) ? earlier
                           : s.classifications.empty()    ? code
                                                          : s.classifications.front();
                }
    } catch (const Error&) {
        throw;   // named already
    } catch (const std::exception&) {
        // A member of the wrong type ("kode_unit": {}); Poco's own words ("Bad cast exception")
        // would tell staff nothing.
        throw Error(name, Text{"Ada pengaturan dengan jenis nilai yang salah: pola_nomor, kode_unit teks; "
                               "urutan_per_klasifikasi true/false; klasifikasi daftar teks; klasifikasi_bawaan "
                               "pasangan jenis: kode; batas_tunggu_ms angka bulat. Perbaiki berkasnya atau hapus "
                               "untuk memakai bawaan.",
                               "A setting has a value of the wrong kind: pola_nomor, kode_unit text; "
                               "urutan_per_klasifikasi true/false; klasifikasi a list of texts; klasifikasi_bawaan "
                               "kind: code pairs; batas_tunggu_ms a whole number. Fix the file or delete it to use "
                               "the defaults."});
    }
    s.check(name);
    return s;
}

void saveRegisterSettings(const RegisterSettings& s, const std::filesystem::path& file)
{
    s.check(displayName(file));
    Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("format", 1);
    root->set("pola_nomor", s.pattern);
    root->set("urutan_per_klasifikasi", s.perClassification);
    root->set("kode_unit", s.unitCode);
    Array::Ptr codes = new Array;
    for (const auto& c : s.classifications) codes->add(c);
    root->set("klasifikasi", codes);
    Object::Ptr defaults = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [kind, code] : s.defaultClassification) defaults->set(kind, code);
    root->set("klasifikasi_bawaan", defaults);
    root->set("batas_tunggu_ms", s.busyTimeoutMs);
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    writeFileAtomically(file, out.str());
}

std::string formatLetterNumber(const std::string& pattern, const NumberParts& p)
{
    static const char* const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    std::string out;
    std::size_t pos = 0;
    for (std::size_t open = pattern.find('{'); open != std::string::npos; open = pattern.find('{', pos)) {
        const std::size_t close = pattern.find('}', open);
        if (close == std::string::npos) break;
        out.append(pattern, pos, open - pos);
        const std::string key = pattern.substr(open + 1, close - open - 1);
        if (key == "klasifikasi")
            out += p.classification;
        else if (key == "urut")
            out += std::to_string(p.seq);
        else if (key == "kode_unit")
            out += p.unitCode;
        else if (key == "tahun")
            out += std::to_string(p.year);
        else if (key == "bulan")
            out += (p.month < 10 ? "0" : "") + std::to_string(p.month);
        else if (key == "bulan_romawi")
            out += roman[std::clamp(p.month, 1, 12) - 1];
        else
            out.append(pattern, open, close - open + 1);
        pos = close + 1;
    }
    out.append(pattern, pos, std::string::npos);
    return out;
}

}   // namespace evakin
