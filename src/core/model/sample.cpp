#include "model/sample.hpp"

#include <functional>

#include "text/error.hpp"
#include "io/files.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "model/calendar.hpp"

namespace evakin {

namespace {

const char* const kPlanTemplate = "rencana-kerja.fods";

PlanRow row(const char* unit, const char* tujuan, const char* sasaran, const char* code, const char* uraian,
            const char* indikator, const char* satuan, IndicatorType type, double renstraK,
            std::optional<double> renstraRp, std::optional<double> laluK, std::optional<double> laluRp, double targetK,
            std::optional<double> pagu)
{
    PlanRow r;
    r.unitCode = unit;
    r.tujuan = tujuan;
    r.sasaran = sasaran;
    r.code = code;
    r.uraian = uraian;
    r.indikator = indikator;
    r.satuan = satuan;
    r.type = type;
    r.level = levelFromCode(code);
    r.targetRenstraK = renstraK;
    r.targetRenstraRp = renstraRp;
    r.realisasiLaluK = laluK;
    r.realisasiLaluRp = laluRp;
    r.targetK = targetK;
    r.paguRp = pagu;
    return r;
}

void refuseExisting(const std::filesystem::path& dir)
{
    if (isWorkspace(dir))
        throw Error(dir.u8string(),
                    Text{"Folder ini sudah berisi ruang kerja Evakin; tidak ditimpa. Pilih folder baru.",
                         "This folder already holds an Evakin workspace; it is not overwritten. Choose a new folder."});
}

// All or nothing: the workspace is made in a hidden sibling folder, checked by opening it (year,
// triwulan), and only then moved to `dir`; on any failure nothing is left, so a retry is not refused.
Workspace createAllOrNothing(const std::filesystem::path& dir,
                             const std::function<void(const std::filesystem::path&)>& fill)
{
    namespace fs = std::filesystem;
    refuseExisting(dir);
    std::error_code ec;
    const fs::path target = fs::absolute(dir, ec);
    const fs::path staging = target.parent_path() / ("." + target.filename().u8string() + ".evakin-baru");
    fs::remove_all(staging, ec);   // left by a run that was killed
    try {
        fill(staging);
        openWorkspace(staging);
        if (!fs::exists(target)) {
            fs::rename(staging, target);
        } else {   // an existing folder without a workspace (refuseExisting let it through): move the parts in
            for (const auto& e : fs::directory_iterator(staging)) {
                const fs::path to = target / e.path().filename();
                if (fs::is_directory(e.path()) && fs::is_directory(to)) continue;
                fs::rename(e.path(), to);
            }
            fs::remove_all(staging);
        }
    } catch (const fs::filesystem_error&) {
        fs::remove_all(staging, ec);
        throw Error(Problem{dir.u8string(),
                            {},
                            {},
                            {},
                            Text{"Ruang kerja tidak dapat dibuat di folder ini. Periksa hak akses folder induknya dan "
                                 "ruang disk, lalu ulangi.",
                                 "The workspace cannot be created in this folder. Check the permissions of its parent "
                                 "folder and the disk space, then try again."}});
    } catch (...) {
        fs::remove_all(staging, ec);
        throw;
    }
    return openWorkspace(dir);
}

}   // namespace

std::string defaultDeadline(int year, int triwulan)
{
    const int month = triwulan * 3 + 1;
    const int y = month > 12 ? year + 1 : year;
    const int m = month > 12 ? month - 12 : month;
    const std::string tenth = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m) + "-10";
    return loadWorkCalendar().nextWorkingDay(tenth);
}

Profile sampleProfile()
{
    Profile p;
    p.officeName = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Kepulauan Bangka Belitung";
    p.officeShortName = "DPMPTSP";
    p.kopLines = {"PEMERINTAH PROVINSI KEPULAUAN BANGKA BELITUNG",
                  "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU"};
    p.address = "Kompleks Perkantoran Gubernur, Jl. Pulau Bangka, Air Itam, Pangkalpinang 33149";
    p.city = "Pangkalpinang";
    p.telephone = "(0717) 4250550";
    p.email = "dpmptsp@example.go.id";
    p.website = "dpmptsp.example.go.id";
    p.head = {"Kepala Dinas", "Dr. Ir. Hendra Wijaya, M.Si.", "196805121994031007", "Pembina Utama Muda (IV/c)"};
    p.units = {
        {"SEKR",
         "Sekretariat",
         {"Sekretaris", "Rina Kartika, S.E., M.M.", "197203151998032004", "Pembina (IV/a)"},
         "sekretariat@dpmptsp.example.go.id"},
        {"PPM",
         "Bidang Perencanaan dan Promosi Penanaman Modal",
         {"Kepala Bidang", "Agus Salim, S.T., M.T.", "197510202001121002", "Pembina (IV/a)"},
         "promosi@dpmptsp.example.go.id"},
        {"PPI",
         "Bidang Pelayanan Perizinan dan Non Perizinan",
         {"Kepala Bidang", "Dewi Anggraini, S.H.", "197809112003122005", "Penata Tingkat I (III/d)"},
         "perizinan@dpmptsp.example.go.id"},
        {"PDPM",
         "Bidang Pengendalian Pelaksanaan Penanaman Modal",
         {"Kepala Bidang", "Yusuf Hamzah, S.Sos., M.Si.", "197402062000031003", "Pembina (IV/a)"},
         "pengendalian@dpmptsp.example.go.id"},
        {"DSI",
         "Bidang Data, Sistem Informasi dan Pengaduan",
         {"Kepala Bidang", "Maria Ulfah, S.Kom., M.Kom.", "198101252006042008", "Penata Tingkat I (III/d)"},
         "data@dpmptsp.example.go.id"},
    };
    p.bappeda = {"Kepala Badan Perencanaan Pembangunan Daerah Provinsi Kepulauan Bangka Belitung",
                 "Ir. Bambang Sutrisno, M.T.", "", ""};
    p.bappedaAddress = "Kompleks Perkantoran Gubernur, Jl. Pulau Bangka, Air Itam, Pangkalpinang 33149";
    p.bappedaCity = "Pangkalpinang";
    return p;
}

std::vector<PlanRow> samplePlanRows()
{
    using T = IndicatorType;
    const char* t1 = "Meningkatnya kualitas tata kelola pemerintahan";
    const char* s1 = "Meningkatnya akuntabilitas kinerja perangkat daerah";
    const char* t2 = "Meningkatnya investasi daerah";
    const char* s2 = "Meningkatnya nilai realisasi investasi";
    const char* s3 = "Meningkatnya kualitas pelayanan perizinan";
    // Permendagri 90/2019 (as updated by Kepmendagri 050-5889/2021) at province level: urusan 2
    // (wajib non pelayanan dasar), bidang 2.18 Penanaman Modal, kegiatan numbered .1.xx (a kabupaten/kota
    // has .2.xx), every sub kegiatan under its kegiatan row and every kegiatan under its program; each
    // parent's pagu is the sum of its children's (the plan check warns otherwise).
    return {
        row("SEKR", t1, s1, "2.18.01", "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
            "Nilai SAKIP perangkat daerah", "nilai", T::finalValue, 75, 41'500'000'000, 68.5, 30'200'000'000, 72,
            8'450'000'000),
        row("SEKR", t1, s1, "2.18.01.1.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
            "Jumlah dokumen perencanaan dan evaluasi yang tersusun", "dokumen", T::positive, 40, 1'250'000'000, 24,
            740'000'000, 8, 255'000'000),
        row("SEKR", t1, s1, "2.18.01.1.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
            "Jumlah dokumen perencanaan perangkat daerah", "dokumen", T::positive, 15, 500'000'000, 9, 296'000'000, 3,
            95'000'000),
        row("SEKR", t1, s1, "2.18.01.1.01.0007", "Evaluasi Kinerja Perangkat Daerah",
            "Jumlah laporan evaluasi kinerja perangkat daerah", "laporan", T::positive, 25, 750'000'000, 15,
            444'000'000, 5, 160'000'000),
        row("SEKR", t1, s1, "2.18.01.1.02", "Administrasi Keuangan Perangkat Daerah",
            "Persentase pembayaran gaji dan penatausahaan keuangan tepat waktu", "persen", T::percentage, 100,
            39'500'000'000, 98, 28'800'000'000, 100, 8'135'000'000),
        row("SEKR", t1, s1, "2.18.01.1.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
            "Jumlah orang yang menerima gaji dan tunjangan ASN", "orang", T::finalValue, 96, 32'000'000'000, 92,
            23'100'000'000, 94, 6'620'000'000),
        row("SEKR", t1, s1, "2.18.01.1.02.0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
            "Jumlah laporan penatausahaan dan pengujian/verifikasi keuangan SKPD", "laporan", T::positive, 60,
            7'500'000'000, 36, 5'700'000'000, 12, 1'515'000'000),
        row("SEKR", t1, s1, "2.18.01.1.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
            "Persentase layanan jasa penunjang kantor yang terpenuhi", "persen", T::percentage, 100, 300'000'000, 97,
            180'000'000, 100, 60'000'000),
        row("SEKR", t1, s1, "2.18.01.1.08.0001", "Penyediaan Jasa Surat Menyurat",
            "Persentase surat keluar yang tercatat tepat waktu", "persen", T::percentage, 100, 300'000'000, 97,
            180'000'000, 100, 60'000'000),
        row("PPM", t2, s2, "2.18.02", "Program Pengembangan Iklim Penanaman Modal",
            "Persentase peningkatan nilai investasi", "persen", T::percentage, 10, 6'000'000'000, 7.5, 3'400'000'000, 8,
            1'200'000'000),
        row("PPM", t2, s2, "2.18.02.1.02", "Pembuatan Peta Potensi Investasi Provinsi",
            "Jumlah dokumen peta potensi investasi provinsi", "dokumen", T::positive, 5, 6'000'000'000, 3,
            3'400'000'000, 1, 1'200'000'000),
        row("PPM", t2, s2, "2.18.02.1.02.0001", "Penyusunan Peta Potensi Investasi Provinsi",
            "Jumlah peta potensi investasi yang tersusun", "dokumen", T::positive, 5, 6'000'000'000, 3, 3'400'000'000,
            1, 1'200'000'000),
        row("PPM", t2, s2, "2.18.03", "Program Promosi Penanaman Modal", "Jumlah minat investasi yang diperoleh",
            "proyek", T::positive, 60, 9'000'000'000, 34, 5'100'000'000, 12, 1'750'000'000),
        row("PPM", t2, s2, "2.18.03.1.01",
            "Penyelenggaraan Promosi Penanaman Modal yang Menjadi Kewenangan Daerah Provinsi",
            "Jumlah kegiatan promosi penanaman modal yang terselenggara", "kegiatan", T::positive, 30, 9'000'000'000,
            18, 5'100'000'000, 6, 1'750'000'000),
        row("PPM", t2, s2, "2.18.03.1.01.0001", "Pelaksanaan Kegiatan Promosi Penanaman Modal",
            "Jumlah kegiatan promosi penanaman modal", "kegiatan", T::positive, 30, 9'000'000'000, 18, 5'100'000'000, 6,
            1'750'000'000),
        row("PPI", t2, s3, "2.18.04", "Program Pelayanan Penanaman Modal", "Indeks kepuasan masyarakat", "indeks",
            T::finalValue, 88, 12'000'000'000, 84.2, 7'300'000'000, 86, 2'400'000'000),
        row("PPI", t2, s3, "2.18.04", "Program Pelayanan Penanaman Modal", "Rata-rata waktu penyelesaian perizinan",
            "hari", T::negative, 3, std::nullopt, 4.5, std::nullopt, 3.5, std::nullopt),
        row("PPI", t2, s3, "2.18.04.1.02",
            "Pelayanan Perizinan dan Nonperizinan secara Terpadu Satu Pintu di Bidang Penanaman Modal yang Menjadi "
            "Kewenangan Daerah Provinsi",
            "Persentase permohonan perizinan dan nonperizinan yang diselesaikan tepat waktu", "persen", T::percentage,
            95, 12'000'000'000, 90, 7'100'000'000, 93, 2'400'000'000),
        row("PPI", t2, s3, "2.18.04.1.02.0001", "Penyediaan Pelayanan Terpadu Perizinan dan Nonperizinan",
            "Jumlah izin dan nonizin yang diterbitkan", "izin", T::positive, 20'000, 9'500'000'000, 11'850,
            5'600'000'000, 4'200, 1'900'000'000),
        row("PPI", t2, s3, "2.18.04.1.02.0003", "Penyelenggaraan Mal Pelayanan Publik",
            "Jumlah layanan yang tersedia di mal pelayanan publik", "layanan", T::finalValue, 250, 2'500'000'000, 180,
            1'500'000'000, 210, 500'000'000),
        row("PDPM", t2, s2, "2.18.05", "Program Pengendalian Pelaksanaan Penanaman Modal",
            "Persentase perusahaan yang menyampaikan LKPM", "persen", T::percentage, 85, 5'000'000'000, 71,
            2'900'000'000, 78, 1'050'000'000),
        row("PDPM", t2, s2, "2.18.05.1.01",
            "Pengendalian Pelaksanaan Penanaman Modal yang Menjadi Kewenangan Daerah Provinsi",
            "Jumlah perusahaan yang dipantau dan dibina", "perusahaan", T::positive, 1'150, 5'000'000'000, 676,
            2'900'000'000, 230, 1'050'000'000),
        row("PDPM", t2, s2, "2.18.05.1.01.0001", "Pemantauan Pelaksanaan Penanaman Modal",
            "Jumlah perusahaan yang dipantau", "perusahaan", T::positive, 750, 3'000'000'000, 440, 1'750'000'000, 150,
            620'000'000),
        row("PDPM", t2, s2, "2.18.05.1.01.0003", "Pembinaan Pelaksanaan Penanaman Modal",
            "Jumlah perusahaan yang dibina", "perusahaan", T::positive, 400, 2'000'000'000, 236, 1'150'000'000, 80,
            430'000'000),
        row("DSI", t2, s3, "2.18.06", "Program Pengelolaan Data dan Sistem Informasi Penanaman Modal",
            "Persentase pengaduan yang diselesaikan", "persen", T::percentage, 95, 3'500'000'000, 88, 2'000'000'000, 92,
            720'000'000),
        row("DSI", t2, s3, "2.18.06.1.01",
            "Pengelolaan Data dan Informasi Perizinan dan Non Perizinan Penanaman Modal yang Terintegrasi pada "
            "Tingkat Daerah Provinsi",
            "Persentase data perizinan dan investasi yang mutakhir", "persen", T::percentage, 100, 3'500'000'000, 90,
            2'000'000'000, 95, 720'000'000),
        row("DSI", t2, s3, "2.18.06.1.01.0001", "Pengolahan, Penyajian dan Pemanfaatan Data dan Informasi Perizinan",
            "Jumlah laporan data perizinan dan investasi", "laporan", T::positive, 60, 1'800'000'000, 36, 1'050'000'000,
            12, 370'000'000),
        row("DSI", t2, s3, "2.18.06.1.01.0002", "Penanganan Pengaduan Pelayanan Perizinan",
            "Jumlah pengaduan yang tidak terselesaikan", "pengaduan", T::negative, 10, 1'700'000'000, 14, 950'000'000,
            12, 350'000'000),
    };
}

std::vector<PlanHeading> samplePlanHeadings()
{
    // Kepmendagri 050-5889/2021 (the Permendagri 90/2019 nomenclature as updated): urusan 2 and its
    // bidang 2.18, under which every program of a DPMPTSP is coded.
    return {{"2", "Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar", 0},
            {"2.18", "Urusan Pemerintahan Bidang Penanaman Modal", 0}};
}

void writePlanWorkbook(const std::filesystem::path& file, const std::vector<PlanHeading>& headings,
                       const std::vector<PlanRow>& rows, const std::string& workspaceDir)
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate(kPlanTemplate, workspaceDir), kPlanTemplate);
    OdsTableBuilder table(doc.content().child("table:table"), pugi::xml_node());
    const auto num = [](OdsRow& r, const std::optional<double>& v) {
        v ? r.number(*v, "Evakin_Angka") : r.empty("Evakin_Angka");
    };
    for (const PlanHeading& h : headings) {
        OdsRow r = table.row();
        for (const std::string& s : {std::string(), std::string(), std::string(), h.code, h.uraian})
            r.text(s, "Evakin_Teks");
        for (std::size_t c = 5; c < kPlanColumns.size(); ++c) r.empty(c < 8 ? "Evakin_Teks" : "Evakin_Angka");
    }
    for (const PlanRow& p : rows) {
        OdsRow r = table.row();
        for (const std::string* s : {&p.unitCode, &p.tujuan, &p.sasaran, &p.code, &p.uraian, &p.indikator, &p.satuan})
            r.text(*s, "Evakin_Teks");
        r.text(indicatorTypeName(p.type), "Evakin_Teks");
        num(r, p.targetRenstraK);
        num(r, p.targetRenstraRp);
        num(r, p.realisasiLaluK);
        num(r, p.realisasiLaluRp);
        num(r, p.targetK);
        num(r, p.paguRp);
    }
    writeFileAtomically(file, doc.toPackage());
}

Workspace createSampleWorkspace(const std::filesystem::path& dir, int year, int triwulan)
{
    return createAllOrNothing(dir, [&](const std::filesystem::path& into) {
        saveProfile(sampleProfile(), into / "profil.json");
        writePlanWorkbook(into / "rencana-kerja.ods", samplePlanHeadings(), samplePlanRows());
        createWorkspace(into, Period{year, triwulan, defaultDeadline(year, triwulan)});
    });
}

Workspace createEmptyWorkspace(const std::filesystem::path& dir, int year, int triwulan)
{
    return createAllOrNothing(dir, [&](const std::filesystem::path& into) {
        Profile p;
        p.units = {{"SEKR", "Sekretariat", {"Sekretaris", "", "", ""}, ""}};
        p.head.jabatan = "Kepala Dinas";
        saveProfile(p, into / "profil.json");
        writePlanWorkbook(into / "rencana-kerja.ods", {}, {});
        createWorkspace(into, Period{year, triwulan, defaultDeadline(year, triwulan)});
    });
}

}   // namespace evakin
