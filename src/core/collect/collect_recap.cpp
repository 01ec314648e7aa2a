// "Rekap Pengumpulan": who returned the form, which file was used, whether it
// is valid, and every problem with file, sheet and cell, in Indonesian (the
// office's document) with the English text beside it.
#include "collect/collect_output.hpp"
#include "text/error.hpp"
#include "io/format_id.hpp"
#include "io/odf_document.hpp"
#include "io/ods_table.hpp"
#include "mail/fetch.hpp"

namespace evakin::collect_detail {

namespace {

const char* statusStyle(UnitStatus s)
{
    return s == UnitStatus::valid ? "Evakin_Sah" : s == UnitStatus::invalid ? "Evakin_Tidak_Sah" : "Evakin_Belum";
}

const char* fileStatusText(ReturnStatus s)
{
    switch (s) {
        case ReturnStatus::accepted: return "dipakai";
        case ReturnStatus::invalid: return "tidak sah";
        case ReturnStatus::superseded: return "diganti kiriman yang lebih baru";
        case ReturnStatus::rejected: return "ditolak (periode, kantor, atau unit lain)";
        case ReturnStatus::unreadable: return "tidak dapat dibaca sebagai format evaluasi";
    }
    return "";
}

std::string unitNote(const CollectResult& r, const UnitCollect& u)
{
    std::string note;
    const auto add = [&note](const std::string& s) { note += (note.empty() ? "" : "; ") + s; };
    if (u.file >= 0) {
        const ReturnFile& f = r.files[static_cast<std::size_t>(u.file)];
        if (f.identifiedByHeader) add("dikenali dari nama unit di kepala lembar (identitas format hilang)");
        if (f.lateValues) add(std::to_string(f.lateValues) + " nilai triwulan sebelumnya dilaporkan terlambat");
    }
    if (u.returns > 1) add(std::to_string(u.returns) + " kiriman; dipakai yang terbaru, yang lain tercantum di bawah");
    if (u.status == UnitStatus::invalid) add("perbaiki masalah berstatus galat (lembar Masalah) lalu kirim ulang");
    if (u.status == UnitStatus::missing) add("ingatkan unit untuk mengirim");
    return note;
}

void header(OdsTableBuilder& t, std::initializer_list<const char*> titles)
{
    OdsRow row = t.row();
    for (const char* title : titles) row.text(title, "Evakin_Kepala_Tabel");
}

}   // namespace

std::string recapPackage(const CollectResult& r, const OutputContext& ctx)
{
    OdfDocument doc = OdfDocument::fromFlat(loadTemplate(kRecapTemplate, ctx.ws.dir.u8string()), kRecapTemplate);
    std::size_t valid = 0, missing = 0, invalid = 0;
    for (const UnitCollect& u : r.units)
        (u.status == UnitStatus::valid ? valid : u.status == UnitStatus::missing ? missing : invalid)++;
    const auto lookup = [&](const std::string& key, std::string& value) {
        if (key == "kantor")
            value = ctx.profile.officeName;
        else if (key == "periode")
            value = ctx.ws.period.label();
        else if (key == "batas_waktu")
            value = ctx.ws.period.deadline.empty() ? "-" : formatDateId(ctx.ws.period.deadline);
        else if (key == "data_per")
            value = ctx.dataAsOf;
        else if (key == "jumlah_unit")
            value = std::to_string(r.units.size());
        else if (key == "jumlah_sah")
            value = std::to_string(valid);
        else if (key == "jumlah_belum")
            value = std::to_string(missing);
        else if (key == "jumlah_tidak_sah")
            value = std::to_string(invalid);
        else
            return false;
        return true;
    };
    pugi::xml_node units = doc.content().find_child_by_attribute("table:table", "table:name", "Rekap");
    pugi::xml_node problems = doc.content().find_child_by_attribute("table:table", "table:name", "Masalah");
    pugi::xml_node unitsMarker = findRowWithText(units, "{tabel}"),
                   problemsMarker = findRowWithText(problems, "{tabel}");
    if (!unitsMarker || !problemsMarker)
        throw Error(
            kRecapTemplate,
            Text{"Templat rekap harus memuat lembar \"Rekap\" dan \"Masalah\", masing-masing dengan baris {tabel}.",
                 "The recap template needs sheets \"Rekap\" and \"Masalah\", each with a {tabel} row."});
    replacePlaceholders(doc.content(), lookup);

    // The sender of each file fetch took from the mailbox (hasil/penerimaan.json); "-" for a file put there by hand.
    const std::map<std::string, std::string> senders = sendersOfInboxFiles(ctx.ws.dir);
    const auto senderOf = [&senders](const std::string& file) {
        const auto it = senders.find(file);
        return it == senders.end() || it->second.empty() ? std::string("-") : it->second;
    };
    OdsTableBuilder t(units, unitsMarker);
    header(t, {"No", "Kode", "Unit Kerja", "Status", "Berkas", "Waktu Berkas", "Pengirim", "Sah", "Jumlah Masalah",
               "Catatan"});
    std::size_t n = 0;
    for (const UnitCollect& u : r.units) {
        OdsRow row = t.row();
        row.number(static_cast<double>(++n), "Evakin_Teks");
        row.text(u.code, "Evakin_Teks");
        row.text(u.name, "Evakin_Teks");
        row.text(unitStatusWords(u.status).recap, statusStyle(u.status));
        const ReturnFile* f = u.file >= 0 ? &r.files[static_cast<std::size_t>(u.file)] : nullptr;
        row.text(f ? f->name : "-", "Evakin_Teks");
        row.text(f ? f->modified : "-", "Evakin_Teks");
        row.text(f ? senderOf(f->name) : "-", "Evakin_Teks");
        row.text(u.status == UnitStatus::valid     ? "Ya"
                 : u.status == UnitStatus::invalid ? "Tidak"
                                                   : "-",
                 statusStyle(u.status));
        row.number(static_cast<double>(u.problems), "Evakin_Angka");
        row.text(unitNote(r, u), "Evakin_Teks");
    }
    // Every inbox file that was not the one used for its unit: duplicates, rejects, unreadable files.
    bool first = true;
    for (std::size_t i = 0; i < r.files.size(); ++i) {
        const ReturnFile& f = r.files[i];
        bool used = false;
        for (const UnitCollect& u : r.units) used |= u.file == static_cast<int>(i);
        if (used) continue;
        if (first) {
            OdsRow title = t.row();
            title.text("Berkas lain di kotak masuk (tidak dipakai)", "Evakin_Bagian", 10, 1);
            title.covered(9);
            first = false;
        }
        OdsRow row = t.row();
        row.text("", "Evakin_Teks");
        row.text(f.unitCode.empty() ? "-" : f.unitCode, "Evakin_Teks");
        row.text("-", "Evakin_Teks");
        row.text(fileStatusText(f.status), "Evakin_Tidak_Sah");
        row.text(f.name, "Evakin_Teks");
        row.text(f.modified, "Evakin_Teks");
        row.text(senderOf(f.name), "Evakin_Teks");
        row.text("Tidak", "Evakin_Tidak_Sah");
        row.number(static_cast<double>(f.errors + f.warnings), "Evakin_Angka");
        row.text(f.status == ReturnStatus::superseded ? "kiriman lama; yang terbaru dipakai" : "lihat lembar Masalah",
                 "Evakin_Teks");
    }
    problems.remove_child(problemsMarker);
    units.remove_child(unitsMarker);

    OdsTableBuilder p(problems, pugi::xml_node());
    header(p, {"No", "Berkas", "Unit", "Lembar", "Sel", "Tingkat", "Masalah dan yang harus dilakukan",
               "Problem and what to do (English)"});
    n = 0;
    for (const CollectProblem& cp : r.problems) {
        OdsRow row = p.row();
        row.number(static_cast<double>(++n), "Evakin_Teks");
        row.text(cp.where.file, "Evakin_Teks");
        row.text(cp.unitCode.empty() ? "-" : cp.unitCode, "Evakin_Teks");
        row.text(cp.where.sheet.empty() ? "-" : cp.where.sheet, "Evakin_Teks");
        row.text(cp.where.cell.empty() ? "-" : cp.where.cell, "Evakin_Teks");
        row.text(cp.severity == Severity::error ? "Galat" : "Peringatan",
                 cp.severity == Severity::error ? "Evakin_Tidak_Sah" : "Evakin_Belum");
        row.text(cp.where.message.id, "Evakin_Teks");
        row.text(cp.where.message.en, "Evakin_Teks");
    }
    if (r.problems.empty()) {
        OdsRow row = p.row();
        row.text("Tidak ada masalah.", "Evakin_Teks", 8, 1);
        row.covered(7);
    }

    doc.setTitle("Rekap Pengumpulan " + ctx.ws.period.label());
    return doc.toPackage(ctx.packageTime);
}

}   // namespace evakin::collect_detail
