// The Profil Kantor dialog's fields: the profile round-trips through them,
// unit lines are read as staff type them, and every problem is named.
#include <catch2/catch.hpp>

#include "model/profile_form.hpp"
#include "model/sample.hpp"

using namespace evakin;

namespace {

bool saysSomewhere(const Error& e, const std::string& text)
{
    for (const Problem& p : e.problems())
        if (p.message.id.find(text) != std::string::npos || p.message.en.find(text) != std::string::npos) return true;
    return false;
}

}   // namespace

TEST_CASE("the profile round-trips through the dialog's fields", "[profile]")
{
    const Profile sample = sampleProfile();
    const auto values = profileFormValues(sample);
    REQUIRE(values.size() == profileFormFields().size());
    for (const ProfileFormField& f : profileFormFields()) CHECK(values.count(f.key) == 1);
    const Profile back = profileFromForm(values, Profile{}, "Profil Kantor");
    CHECK(back.officeName == sample.officeName);
    CHECK(back.kopLines == sample.kopLines);
    CHECK(back.head.nip == sample.head.nip);
    CHECK(back.bappedaAddress == sample.bappedaAddress);
    REQUIRE(back.units.size() == sample.units.size());
    for (std::size_t i = 0; i < back.units.size(); ++i) {
        CHECK(back.units[i].code == sample.units[i].code);
        CHECK(back.units[i].name == sample.units[i].name);
        CHECK(back.units[i].head.nama == sample.units[i].head.nama);
        CHECK(back.units[i].head.nip == sample.units[i].head.nip);
        CHECK(back.units[i].email == sample.units[i].email);
    }
}

TEST_CASE("unit lines are read as typed: spaces, short lines, blank lines", "[profile]")
{
    auto values = profileFormValues(sampleProfile());
    values["units"] = "\n  SEKR ;  Sekretariat ; Sekretaris; Drs. A; 196801011990031001 ; sekr@example.go.id\r\n\nPP; "
                      "Bidang Perizinan;Kepala Bidang;B; 19700101 199503 2 001;pp@example.go.id\n";
    values["office.kop"] = "PEMERINTAH PROVINSI\n\n  DINAS  \n";
    const Profile p = profileFromForm(values, Profile{}, "Profil Kantor");
    REQUIRE(p.units.size() == 2);
    CHECK(p.units[0].code == "SEKR");
    CHECK(p.units[0].head.nip == "196801011990031001");
    CHECK(p.units[0].email == "sekr@example.go.id");
    CHECK(p.units[1].name == "Bidang Perizinan");
    CHECK(p.units[1].head.nip == "19700101 199503 2 001");
    CHECK(p.kopLines == std::vector<std::string>{"PEMERINTAH PROVINSI", "DINAS"});
    // Only the fields given change.
    const Profile kept = profileFromForm({{"office.city", "Sungailiat"}}, sampleProfile(), "Profil Kantor");
    CHECK(kept.city == "Sungailiat");
    CHECK(kept.units.size() == sampleProfile().units.size());
}

TEST_CASE("problems in the dialog are all named, by field or unit line", "[profile]")
{
    auto values = profileFormValues(sampleProfile());
    values["office.name"] = "  ";
    values["units"] = "SEKR; Sekretariat\nSEKR; Bidang Lain\nPP/2; Bidang\nPPI; ; ; ; ; ; ; lebih\nDSI";
    try {
        profileFromForm(values, Profile{}, "Profil Kantor");
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(saysSomewhere(e, "Nama kantor wajib diisi"));
        CHECK(saysSomewhere(e, "Unit baris 2: Kode unit \"SEKR\" dipakai dua kali"));
        CHECK(saysSomewhere(e, "Unit baris 3: Kode unit \"PP/2\""));
        CHECK(saysSomewhere(e, "Unit line 4 has 8 parts"));
        CHECK(saysSomewhere(e, "Unit baris 5: Nama unit wajib diisi"));   // DSI without a name
        for (const Problem& p : e.problems()) CHECK(p.file == "Profil Kantor");
    }
    values["units"] = "\n \n";
    CHECK_THROWS_WITH(profileFromForm(values, Profile{}, "Profil Kantor"), Catch::Contains("Belum ada unit"));
}

TEST_CASE("a unit line without head, NIP or e-mail, and an NIP that is not 18 digits, are refused", "[profile][faults]")
{
    auto values = profileFormValues(sampleProfile());
    values["head.nip"] = "1968ABC";
    values["units"] = "SEKR; Sekretariat\n"
                      "PPM; Bidang Promosi; Kepala Bidang; Agus; 1975102020011210; promosi@dinas.go.id\n"
                      "PPI; Bidang Perizinan; Kepala Bidang; Dewi; 197809112003122005; perizinan";
    try {
        profileFromForm(values, Profile{}, "Profil Kantor");
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(saysSomewhere(e, "NIP \"1968ABC\" harus 18 angka"));
        CHECK(saysSomewhere(e, "Unit baris 1 belum lengkap: isi jabatan kepala, nama kepala, NIP, e-mail"));
        CHECK(saysSomewhere(e, "Unit baris 2: NIP \"1975102020011210\" harus 18 angka"));
        CHECK(saysSomewhere(e, "Unit line 3: \"perizinan\" is not an e-mail address"));
    }
    // A profil.json with a malformed NIP is refused wherever it is loaded, not only in the dialog.
    Profile bad = sampleProfile();
    bad.units[0].head.nip = "1972-03-15";
    CHECK_FALSE(profileProblems(bad, "profil.json").empty());
    CHECK(profileProblems(sampleProfile(), "profil.json").empty());
}
