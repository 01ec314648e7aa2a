// Bab III's chart: a real embedded ODF chart object ("Object 1", a chart
// sub-document with its own data table), so staff can restyle it or edit its
// data in Writer like any chart they inserted themselves. Units without a
// value get an empty cell, which the chart shows as a gap, never as 0.
#include <sstream>

#include "io/format_id.hpp"
#include "report/report_render.hpp"

namespace evakin::report {

namespace {

// One chart: a title, the series names, and per category (unit) one value per series.
struct ChartSpec {
    std::string title;
    std::vector<std::string> series;
    std::vector<std::pair<std::string, std::vector<Figure>>> rows;
};

const char* const kSeriesColors[] = {"#2e75b6", "#ed7d31", "#70ad47", "#7030a0"};

void setAttrs(pugi::xml_node n, std::initializer_list<std::pair<const char*, const char*>> attrs)
{
    for (const auto& [k, v] : attrs) n.append_attribute(k) = v;
}

pugi::xml_node chartStyle(pugi::xml_node autoStyles, const char* name)
{
    pugi::xml_node s = autoStyles.append_child("style:style");
    setAttrs(s, {{"style:name", name}, {"style:family", "chart"}});
    return s;
}

void cell(pugi::xml_node row, const std::string& text)
{
    pugi::xml_node c = row.append_child("table:table-cell");
    c.append_attribute("office:value-type") = "string";
    c.append_child("text:p").text().set(text.c_str());
}

void cell(pugi::xml_node row, const Figure& f)
{
    pugi::xml_node c = row.append_child("table:table-cell");
    if (!f.ok()) return;   // empty: a gap in the chart
    c.append_attribute("office:value-type") = "float";
    std::ostringstream v;
    v.imbue(std::locale::classic());
    v << *f.value;
    c.append_attribute("office:value") = v.str().c_str();
    c.append_child("text:p").text().set(formatNumberId(*f.value, 2).c_str());
}

std::string chartXml(const ChartSpec& spec)
{
    const std::size_t n = spec.rows.size();
    const std::string last = std::to_string(n + 1);
    pugi::xml_document doc;
    pugi::xml_node root = doc.append_child("office:document-content");
    setAttrs(root, {{"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
                    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
                    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
                    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
                    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
                    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
                    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
                    {"xmlns:chart", "urn:oasis:names:tc:opendocument:xmlns:chart:1.0"},
                    {"xmlns:number", "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"},
                    {"office:version", "1.3"}});
    pugi::xml_node as = root.append_child("office:automatic-styles");
    // Data labels in Indonesian notation (87,5): a number style with the document's language.
    pugi::xml_node ns = as.append_child("number:number-style");
    setAttrs(ns, {{"style:name", "N1"}, {"number:language", "id"}, {"number:country", "ID"}});
    setAttrs(ns.append_child("number:number"), {{"number:decimal-places", "1"}, {"number:min-integer-digits", "1"}});
    setAttrs(chartStyle(as, "chArea").append_child("style:graphic-properties"),
             {{"draw:stroke", "none"}, {"draw:fill", "none"}});
    setAttrs(chartStyle(as, "chTitle").append_child("style:text-properties"),
             {{"fo:font-size", "11pt"}, {"fo:font-weight", "bold"}});
    setAttrs(chartStyle(as, "chLegend").append_child("style:text-properties"), {{"fo:font-size", "9pt"}});
    // Horizontal bars: long unit names fit as axis labels without being turned 45 degrees.
    setAttrs(chartStyle(as, "chPlot").append_child("style:chart-properties"), {{"chart:vertical", "true"}});
    pugi::xml_node ax = chartStyle(as, "chAxisX");
    setAttrs(ax.append_child("style:chart-properties"),
             {{"chart:display-label", "true"}, {"chart:text-overlap", "false"}, {"text:line-break", "true"}});
    setAttrs(ax.append_child("style:text-properties"), {{"fo:font-size", "8pt"}});
    pugi::xml_node ay = chartStyle(as, "chAxisY");
    ay.append_attribute("style:data-style-name") = "N1";
    setAttrs(ay.append_child("style:chart-properties"),
             {{"chart:display-label", "true"}, {"chart:minimum", "0"}, {"chart:link-data-style-to-source", "false"}});
    setAttrs(ay.append_child("style:text-properties"), {{"fo:font-size", "8pt"}});
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const std::string name = "chS" + std::to_string(i + 1);
        const char* color = kSeriesColors[i % (sizeof kSeriesColors / sizeof *kSeriesColors)];
        pugi::xml_node s = chartStyle(as, name.c_str());
        s.append_attribute("style:data-style-name") = "N1";
        setAttrs(s.append_child("style:chart-properties"),
                 {{"chart:data-label-number", "value"}, {"chart:link-data-style-to-source", "false"}});
        setAttrs(s.append_child("style:graphic-properties"),
                 {{"draw:fill", "solid"}, {"draw:fill-color", color}, {"draw:stroke", "none"}});
        setAttrs(s.append_child("style:text-properties"), {{"fo:font-size", "8pt"}});
    }

    pugi::xml_node ch = root.append_child("office:body").append_child("office:chart").append_child("chart:chart");
    setAttrs(
        ch,
        {{"svg:width", "16cm"}, {"svg:height", "10cm"}, {"chart:class", "chart:bar"}, {"chart:style-name", "chArea"}});
    pugi::xml_node title = ch.append_child("chart:title");
    title.append_attribute("chart:style-name") = "chTitle";
    title.append_child("text:p").text().set(spec.title.c_str());
    setAttrs(ch.append_child("chart:legend"), {{"chart:legend-position", "bottom"}, {"chart:style-name", "chLegend"}});
    pugi::xml_node plot = ch.append_child("chart:plot-area");
    const char lastColumn = static_cast<char>('A' + spec.series.size());
    const std::string range = "local-table.$A$1:.$" + std::string(1, lastColumn) + "$" + last;
    setAttrs(plot, {{"chart:style-name", "chPlot"}, {"chart:data-source-has-labels", "both"}});
    plot.append_attribute("table:cell-range-address") = range.c_str();
    pugi::xml_node x = plot.append_child("chart:axis");
    setAttrs(x, {{"chart:dimension", "x"}, {"chart:name", "primary-x"}, {"chart:style-name", "chAxisX"}});
    x.append_child("chart:categories").append_attribute("table:cell-range-address") =
        ("local-table.$A$2:.$A$" + last).c_str();
    pugi::xml_node y = plot.append_child("chart:axis");
    setAttrs(y, {{"chart:dimension", "y"}, {"chart:name", "primary-y"}, {"chart:style-name", "chAxisY"}});
    y.append_child("chart:grid").append_attribute("chart:class") = "major";
    for (std::size_t i = 0; i < spec.series.size(); ++i) {
        const std::string col(1, static_cast<char>('B' + i));
        pugi::xml_node s = plot.append_child("chart:series");
        s.append_attribute("chart:style-name") = ("chS" + std::to_string(i + 1)).c_str();
        s.append_attribute("chart:values-cell-range-address") =
            (std::string("local-table.$") + col + "$2:.$" + col + "$" + last).c_str();
        s.append_attribute("chart:label-cell-address") = (std::string("local-table.$") + col + "$1").c_str();
        s.append_attribute("chart:class") = "chart:bar";
        s.append_child("chart:data-point").append_attribute("chart:repeated") = static_cast<unsigned>(n);
    }
    plot.append_child("chart:wall");
    plot.append_child("chart:floor");

    pugi::xml_node t = ch.append_child("table:table");
    t.append_attribute("table:name") = "local-table";
    t.append_child("table:table-header-columns").append_child("table:table-column");
    t.append_child("table:table-columns")
        .append_child("table:table-column")
        .append_attribute("table:number-columns-repeated") = static_cast<unsigned>(spec.series.size());
    pugi::xml_node hr = t.append_child("table:table-header-rows").append_child("table:table-row");
    cell(hr, "");
    for (const std::string& name : spec.series) cell(hr, name);
    pugi::xml_node rows = t.append_child("table:table-rows");
    for (const auto& [label, values] : spec.rows) {
        pugi::xml_node r = rows.append_child("table:table-row");
        cell(r, label);
        for (const Figure& f : values) cell(r, f);
    }
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

// Embeds `spec` as chart object `number` ("Object N") in a paragraph at `at`, with its caption.
void embedChart(const Cursor& at, OdfDocument& doc, int number, const ChartSpec& spec, const std::string& caption)
{
    const std::string object = "Object " + std::to_string(number);
    doc.addManifestEntry(object + "/", "application/vnd.oasis.opendocument.chart");
    doc.addPart(object + "/content.xml", chartXml(spec));
    pugi::xml_node p = at.add("text:p");
    p.append_attribute("text:style-name") = "Evakin_Gambar";
    pugi::xml_node frame = p.append_child("draw:frame");
    setAttrs(frame,
             {{"text:anchor-type", "as-char"}, {"svg:width", "16cm"}, {"svg:height", "10cm"}, {"draw:z-index", "0"}});
    frame.prepend_attribute("draw:name") = ("Grafik " + std::to_string(number)).c_str();
    pugi::xml_node obj = frame.append_child("draw:object");
    obj.append_attribute("xlink:href") = ("./" + object).c_str();
    setAttrs(obj, {{"xlink:type", "simple"}, {"xlink:show", "embed"}, {"xlink:actuate", "onLoad"}});
    at.paragraph("Caption", caption);
    bool gaps = false;
    for (const auto& row : spec.rows)
        for (const Figure& f : row.second) gaps |= !f.ok();
    if (gaps)
        at.paragraph("Evakin_Catatan", "Batang yang tidak tampak berarti nilainya belum ada atau tidak dapat dihitung "
                                       "(lihat Tabel Ringkasan), bukan nol.");
}

std::string unitLabel(const Unit& u)
{
    return u.status == UnitStatus::valid ? u.name : u.name + " (" + unitStatusWords(u.status).report + ")";
}

}   // namespace

void chart(const Cursor& at, const Context& c, OdfDocument& doc)
{
    if (c.data.units.empty()) {
        at.paragraph("Text_20_body", "Tidak ada unit kerja untuk digambarkan.");
        return;
    }
    ChartSpec perUnit{"Capaian Kinerja dan Penyerapan Anggaran (%) " + c.data.period.label(),
                      {"Rata-rata capaian kinerja", "Penyerapan anggaran"},
                      {}};
    for (const Unit& u : c.data.units)
        perUnit.rows.push_back({unitLabel(u), {u.summary.average, u.summary.absorption}});
    embedChart(at, doc, 1, perUnit,
               "Gambar 3.1 Rata-rata capaian kinerja dan penyerapan anggaran per unit kerja, " + c.data.period.label());
    if (c.data.period.triwulan < 2) return;
    // From triwulan II on (the annual report in triwulan IV): how each unit's capaian grew quarter by quarter.
    ChartSpec byQuarter{"Capaian Kinerja per Triwulan (%) Tahun " + std::to_string(c.data.period.year), {}, {}};
    for (int q = 1; q <= c.data.period.triwulan; ++q) byQuarter.series.push_back("Triwulan " + romanNumeral(q));
    for (const Unit& u : c.data.units)
        byQuarter.rows.push_back(
            {unitLabel(u),
             std::vector<Figure>(u.capaianByQuarter.begin(), u.capaianByQuarter.begin() + c.data.period.triwulan)});
    embedChart(at, doc, 2, byQuarter,
               "Gambar 3.2 Rata-rata capaian kinerja per unit kerja pada akhir setiap triwulan, Tahun " +
                   std::to_string(c.data.period.year));
}

}   // namespace evakin::report
