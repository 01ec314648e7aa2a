#include "io/office_convert.hpp"

#include <Poco/Environment.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
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

// What LibreOffice prints, read on a thread of its own; only the last 64 KB are kept for the log.
class CapturedOutput {
public:
    void readAll(Poco::Pipe& pipe)
    {
        char buf[4096];
        try {
            for (int n; (n = pipe.readBytes(buf, sizeof buf)) > 0;) {
                const std::lock_guard<std::mutex> lock(mutex_);
                text_.append(buf, static_cast<std::size_t>(n));
                if (text_.size() > kKept) text_.erase(0, text_.size() - kKept);
            }
        } catch (const std::exception&) {   // a broken pipe ends the output; the exit code tells the rest
        }
    }
    std::string text() const
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        return text_;
    }

private:
    static constexpr std::size_t kKept = 64 * 1024;
    mutable std::mutex mutex_;
    std::string text_;
};

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
    // soffice is a shell script: without a PATH it fails with "dirname: not found".
    Poco::Process::Env env;
    if (Poco::Environment::get("PATH", "").empty()) env["PATH"] = "/usr/bin:/bin";
    Poco::Pipe outPipe;
    Poco::ProcessHandle handle = Poco::Process::launch(soffice, args, std::string(), nullptr, &outPipe, &outPipe, env);
    // LibreOffice's output is read while it runs: once a pipe holds 64 KB the writer blocks, and an
    // office waiting for its reader would hang until the timeout.
    const auto output = std::make_shared<CapturedOutput>();
    std::thread reader([pipe = outPipe, output]() mutable { output->readAll(pipe); });
    outPipe.close(Poco::Pipe::CLOSE_WRITE);   // only the office writes: the reader sees the end when it exits
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeoutSeconds);
    int code = -1;
    while ((code = handle.tryWait()) == -1) {
        if (std::chrono::steady_clock::now() > deadline) {
            Poco::Process::kill(handle);
            handle.wait();
            reader.detach();   // an orphaned office child may hold the pipe open: do not wait for it
            fail(document,
                 "LibreOffice tidak selesai membuat PDF dalam " + std::to_string(options.timeoutSeconds) +
                     " detik; proses dihentikan. Tutup LibreOffice yang lain lalu ulangi.",
                 "LibreOffice did not finish the PDF within " + std::to_string(options.timeoutSeconds) +
                     " seconds; stopped. Close other LibreOffice windows and try again.");
        }
        Poco::Thread::sleep(50);
    }
    reader.join();
    std::filesystem::path made = work.path / "out" / document.filename();
    made.replace_extension(".pdf");
    std::error_code ec;
    if (code != 0 || !std::filesystem::is_regular_file(made, ec) || std::filesystem::file_size(made, ec) == 0) {
        // LibreOffice's own words are for whoever looks into it, not for the message: into a log beside the document.
        std::filesystem::path log = document;
        log.replace_extension(".pdf.log");
        try {
            writeFileAtomically(log, output->text());
        } catch (const std::exception&) {
            log.clear();
        }
        const std::string where = log.empty() ? std::string() : " (" + displayName(log.filename()) + ")";
        fail(document,
             "LibreOffice gagal membuat PDF (kode " + std::to_string(code) +
                 "). Dokumennya tetap ada: buka di LibreOffice dan ekspor ke PDF sendiri, atau ulangi nanti. "
                 "Rincian teknis ada di catatan" +
                 where + ".",
             "LibreOffice could not make the PDF (exit " + std::to_string(code) +
                 "). The document itself is there: open it in LibreOffice and export the PDF yourself, or try again "
                 "later. The technical details are in the log" +
                 where + ".");
    }
    std::filesystem::path target = document;
    target.replace_extension(".pdf");
    writeFileAtomically(target, readFile(made));
    return target;
}

}   // namespace evakin
