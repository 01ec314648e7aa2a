#include <iostream>

#include "cli.hpp"
#include "io/office_convert.hpp"

namespace evakin::cli {

std::filesystem::path exportPdfIfAsked(const Args& a, Lang lang, const std::filesystem::path& document, int& exitCode)
{
    if (!a.has("pdf") && !a.has("pdfa")) return {};
    try {
        PdfOptions pdf;
        pdf.pdfa = a.has("pdfa");
        return convertToPdf(document, pdf);
    } catch (const Error& e) {
        std::cerr << e.render(lang) << '\n';
        exitCode = 5;
        return {};
    }
}

}   // namespace evakin::cli
