// The Tools › Options › Evaluasi Kinerja pages as the core sees them: every
// field as the text staff typed, read from and written to the files the core
// reads (pengaturan.json, register.json, a workspace's penilaian.json and
// laporan.json). The core parses and checks; the UNO page only moves texts
// between these structs and its controls. A save checks every field first and
// writes nothing when one is wrong (Error with one Problem per field).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/evaluation.hpp"
#include "settings/office_settings.hpp"

namespace evakin {

// Register Surat: where the register is and how its numbers look.
struct RegisterForm {
    bool postgresql = false;
    std::string sqliteFile;   // empty: the default file
    std::string host, port, database, user;   // PostgreSQL; the password is never here
    std::string pattern;
    bool perClassification = false;
    std::string unitCode;
    std::string classifications;   // codes separated by commas, spaces or lines
    std::string defaultPengantar, defaultUndangan;
};
RegisterForm loadRegisterForm();   // throws Error naming pengaturan.json or register.json when damaged
// The register these fields name, with `password` (libpq's) when given: for "Uji koneksi".
RegisterLocation registerFormLocation(const RegisterForm& form, const std::string& password = {});
void saveRegisterForm(const RegisterForm& form);
// The password container's key for a PostgreSQL register: "postgresql://host:port/database".
std::string registerPasswordKey(const RegisterForm& form);

// Umum & Surel.
struct GeneralForm {
    std::string staffName, workspaceFolder;
    std::string smtpHost, smtpPort, smtpUser, fromName, fromAddress;
    MailSecurity smtpSecurity = MailSecurity::none;
    std::string pop3Host, pop3Port, pop3User;
    MailSecurity pop3Security = MailSecurity::ssl;
    bool pop3Delete = false;
};
GeneralForm loadGeneralForm();
void saveGeneralForm(const GeneralForm& form);

// Penilaian & Laporan of one workspace.
struct BandText {
    std::string min, label, labelEn;
};
struct EvaluationForm {
    std::vector<BandText> bands;   // highest first; a row with every text empty is no band
    std::string goodFrom;
    NegativeFormula negative = NegativeFormula::ratio;
    std::string dasarHukum;   // one per line
    std::string city;
};
EvaluationForm loadEvaluationForm(const std::filesystem::path& workspaceDir);
// Writes penilaian.json and laporan.json into the workspace (both checked first).
void saveEvaluationForm(const std::filesystem::path& workspaceDir, const EvaluationForm& form);

}   // namespace evakin
