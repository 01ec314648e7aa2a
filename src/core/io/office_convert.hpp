// PDF export through LibreOffice (SOP step 13: the copies sent to BAPPEDA and
// archived). Only LibreOffice lays out a Writer document, so the CLI runs a
// headless soffice as a subprocess with its own throw-away profile (it never
// touches a running office or the user's profile). Inside LibreOffice the UNO
// door does not need this: it stores the open document with storeToURL and
// the same filter settings (pdfFilterData()).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace evakin {

struct PdfOptions {
    bool pdfa = false;     // PDF/A-2b (archive copy) instead of plain PDF
    std::string soffice;   // empty: $EVAKIN_SOFFICE, else the usual install paths
    int timeoutSeconds = 300;
};

// writer_pdf_Export FilterData as name/value pairs (SelectPdfVersion 2 = PDF/A-2b, 0 = PDF 1.x),
// for the --convert-to argument here and for storeToURL in the UNO door.
std::vector<std::pair<std::string, std::string>> pdfFilterData(bool pdfa);

// Converts `document` to PDF next to it (same name, .pdf), atomically; returns the PDF's path.
// Throws Error naming the document when soffice is missing, fails or times out.
std::filesystem::path convertToPdf(const std::filesystem::path& document, const PdfOptions& options = {});

// The soffice to run: options.soffice, $EVAKIN_SOFFICE, /usr/bin/soffice, /usr/lib/libreoffice/program/soffice; empty
// when none.
std::string findSoffice(const std::string& preferred = {});

}   // namespace evakin
