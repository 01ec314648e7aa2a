// PDF export through a stand-in for soffice (a shell script): LibreOffice's
// output is read while it runs, so a chatty office cannot hang the export, and
// its words go to a log, not into the message staff read.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include "io/files.hpp"
#include "io/office_convert.hpp"
#include "text/error.hpp"
#include "test_support.hpp"

using namespace evakin;
using namespace evakin::test;

namespace {

// A fake soffice: prints `bytes` of output, then writes the PDF into --outdir (or fails when `exitCode` != 0).
std::filesystem::path fakeSoffice(const std::filesystem::path& dir, std::size_t bytes, int exitCode)
{
    const auto script = dir / "soffice";
    std::ofstream(script)
        << "#!/bin/sh\n"
           "out=; doc=\n"
           "while [ $# -gt 0 ]; do case $1 in --outdir) out=$2; shift;; *) doc=$1;; esac; shift; done\n"
           "head -c "
        << bytes
        << " /dev/zero | tr '\\0' 'x'\n"
           "echo 'Corrupt image: javaldx failed' >&2\n"
        << (exitCode == 0 ? "mkdir -p \"$out\"; name=$(basename \"$doc\" .odt)\n"
                            "printf '%%PDF-1.4 fake' > \"$out/$name.pdf\"\n"
                          : "")
        << "exit " << exitCode << "\n";
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    return script;
}

}   // namespace

TEST_CASE("a PDF export whose office prints more than a pipe holds finishes", "[pdf][faults]")
{
    TempDir tmp;
    const auto doc = tmp.path / "laporan.odt";
    writeFileAtomically(doc, "not really a document");
    PdfOptions options;
    options.soffice = fakeSoffice(tmp.path, 300 * 1024, 0).string();
    options.timeoutSeconds = 20;
    const auto start = std::chrono::steady_clock::now();
    const auto pdf = convertToPdf(doc, options);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
    CHECK(readFile(pdf).rfind("%PDF", 0) == 0);
}

TEST_CASE("a failed PDF export says what to do; LibreOffice's own words go to a log", "[pdf][faults]")
{
    TempDir tmp;
    const auto doc = tmp.path / "laporan.odt";
    writeFileAtomically(doc, "not really a document");
    PdfOptions options;
    options.soffice = fakeSoffice(tmp.path, 100 * 1024, 1).string();
    options.timeoutSeconds = 20;
    try {
        convertToPdf(doc, options);
        FAIL("a failed export was taken as done");
    } catch (const Error& e) {
        const std::string id = e.render(Lang::id), en = e.render(Lang::en);
        CHECK(id.find("laporan.odt") != std::string::npos);
        CHECK(id.find("Corrupt image") == std::string::npos);
        CHECK(en.find("xxxx") == std::string::npos);
        CHECK(id.size() < 600);
        CHECK(en.find("laporan.pdf.log") != std::string::npos);
    }
    CHECK(readFile(tmp.path / "laporan.pdf.log").find("Corrupt image") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp.path / "laporan.pdf"));
}
