// Register test fixture: a fresh register per test. SQLite file in a temp dir by
// default; with env EVAKIN_PG_CONN (a libpq connection string, see
// tests/register/pg-test.sh) the same tests run against PostgreSQL, whose
// tables are dropped first so every test starts empty.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Environment.h>

#include "letters/register.hpp"
#include "test_support.hpp"

namespace evakin::test {

inline bool usingPostgres() { return !Poco::Environment::get("EVAKIN_PG_CONN", "").empty(); }

struct RegisterFixture {
    TempDir tmp;
    RegisterLocation location;

    RegisterFixture()
    {
        if (usingPostgres()) {
            location.kind = RegisterLocation::Kind::postgresql;
            location.target = Poco::Environment::get("EVAKIN_PG_CONN");
            Register::open(location, RegisterSettings{});   // registers the connectors, creates the schema
            Poco::Data::Session s("postgresql", location.target);
            s << "DROP TABLE IF EXISTS letter_register, letter_counter, register_meta", Poco::Data::Keywords::now;
        } else {
            location.target = (tmp.path / "data" / "register.sqlite").u8string();
        }
        location.settingsFile = tmp.path / "data" / "register.json";
    }
    Register open(RegisterSettings s = {}) const { return Register::open(location, std::move(s)); }
};

inline NewEntry entry(const std::string& date, const std::string& code = "000.7.5",
                      const std::string& subject = "Laporan")
{
    NewEntry e;
    e.classification = code;
    e.kind = "lain";
    e.date = date;
    e.unitCode = "DPMPTSP";
    e.addressee = "Kepala BAPPEDA";
    e.subject = subject;
    e.attachments = "1 berkas";
    e.createdBy = "uji";
    return e;
}

}   // namespace evakin::test
