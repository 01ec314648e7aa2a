#include "io/office_convert.hpp"

#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <chrono>
#include <sstream>

#include "text/error.hpp"
#include "io/files.hpp"

namespace evakin {

namespace {

// Removes the temporary profile and output folder whatever happens.
struct TempDir {
    std::filesystem::path path;
    TempDir() : path(std::filesystem::u8path(Poco::TemporaryFile::tempName()))
    {
        std::filesystem::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::string fileUrl(const std::filesystem::path& p)
{
    Poco::URI uri;
    uri.setScheme("file");
    uri.setPath(std::filesystem::absolute(p).generic_u8string());
    return uri.toString();
}

[[noreturn]] void fail(const std::filesystem::path& doc, const std::string& id, const std::string& en)
{
    throw Error(displayName(doc), Text{id, en});
}

}   // namespace

std::vector<std::pair<std::string, std::string>> pdfFilterData(bool pdfa)
{
    return {
        {"SelectPdfVersion", pdfa ? "2" : "0"}, {"UseTaggedPDF", pdfa ? "true" : "false"}, {"ExportBookmarks", "true"}};
}

std::string findSoffice(const std::string& preferred)
{
    std::vector<std::string> candidates;
    if (!preferred.empty()) candidates.push_back(preferred);
    if (Poco::Environment::has("EVAKIN_SOFFICE")) candidates.push_back(Poco::Environment::get("EVAKIN_SOFFICE"));
    candidates.insert(candidates.end(),
                      {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice"});
    std::error_code ec;
    for (const auto& c : candidates)
        if (std::filesystem::is_regular_file(c, ec)) return c;
    return {};
}

std::filesystem::path convertToPdf(const std::filesystem::path& document, const PdfOptions& options)
{
    const std::string soffice = findSoffice(options.soffice);
    if (soffice.empty())
        fail(document,
             "LibreOffice (soffice) tidak ditemukan; PDF tidak dibuat. Pasang LibreOffice atau isi EVAKIN_SOFFICE.",
             "LibreOffice (soffice) was not found; no PDF made. Install LibreOffice or set EVAKIN_SOFFICE.");
    TempDir work;
    // FilterData in the JSON form --convert-to accepts since LibreOffice 7.4.
    std::ostringstream filter;
    filter << "pdf:writer_pdf_Export:{";
    bool first = true;
    for (const auto& [name, value] : pdfFilterData(options.pdfa)) {
        const bool isBool = value == "true" || value == "false";
        filter << (first ? "" : ",") << '"' << name << "\":{\"type\":\"" << (isBool ? "boolean" : "long")
               << "\",\"value\":\"" << value << "\"}";
        first = false;
    }
    filter << '}';
    const Poco::Process::Args args{"--headless",
                                   "--invisible",
                                   "--norestore",
                                   "--nolockcheck",
                                   "--nologo",
                                   "--nodefault",
                                   "-env:UserInstallation=" + fileUrl(work.path / "profile"),
                                   "--convert-to",
                                   filter.str(),
                                   "--outdir",
                                   (work.path / "out").u8string(),
                                   std::filesystem::absolute(document).u8string()};
    Poco::Pipe outPipe;
    Poco::ProcessHandle handle = Poco::Process::launch(soffice, args, nullptr, &outPipe, &outPipe);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeoutSeconds);
    int code = -1;
    while ((code = handle.tryWait()) == -1) {
        if (std::chrono::steady_clock::now() > deadline) {
            Poco::Process::kill(handle);
            handle.wait();
            fail(document,
                 "LibreOffice tidak selesai membuat PDF dalam " + std::to_string(options.timeoutSeconds) +
                     " detik; proses dihentikan.",
                 "LibreOffice did not finish the PDF within " + std::to_string(options.timeoutSeconds) +
                     " seconds; stopped.");
        }
        Poco::Thread::sleep(50);
    }
    outPipe.close(Poco::Pipe::CLOSE_WRITE);
    Poco::PipeInputStream in(outPipe);
    std::ostringstream log;
    log << in.rdbuf();
    std::filesystem::path made = work.path / "out" / document.filename();
    made.replace_extension(".pdf");
    std::error_code ec;
    if (code != 0 || !std::filesystem::is_regular_file(made, ec) || std::filesystem::file_size(made, ec) == 0)
        fail(document, "LibreOffice gagal membuat PDF (kode " + std::to_string(code) + "): " + log.str(),
             "LibreOffice could not make the PDF (exit " + std::to_string(code) + "): " + log.str());
    std::filesystem::path target = document;
    target.replace_extension(".pdf");
    writeFileAtomically(target, readFile(made));
    return target;
}

}   // namespace evakin
