#include "io/system_errors.hpp"

#include <new>

namespace evakin {

namespace {

std::string named(const std::filesystem::path& path)
{
    return path.empty() ? std::string() : " (" + path.u8string() + ")";
}

}   // namespace

Text systemErrorText(const std::error_code& code, const std::filesystem::path& path)
{
    const std::string where = named(path);
    using std::errc;
    if (code == errc::permission_denied || code == errc::operation_not_permitted)
        return {"Tidak ada izin untuk menulis atau membaca di lokasi ini" + where +
                    ". Pilih folder lain, mis. di folder Dokumen Anda, atau minta izin kepada pengelola komputer.",
                "No permission to write or read at this location" + where +
                    ". Choose another folder, e.g. in your Documents folder, or ask the computer's administrator."};
    if (code == errc::read_only_file_system)
        return {"Lokasi ini hanya dapat dibaca" + where + ". Pilih folder di disk yang dapat ditulisi.",
                "This location is read-only" + where + ". Choose a folder on a writable disk."};
    if (code == errc::no_space_on_device || code == errc::file_too_large)
        return {"Disk penuh" + where + ". Kosongkan ruang di disk atau pilih disk lain, lalu ulangi.",
                "The disk is full" + where + ". Free some space or choose another disk, then try again."};
    if (code == errc::no_such_file_or_directory)
        return {"Berkas atau folder tidak ditemukan" + where + ". Periksa lokasinya lalu ulangi.",
                "File or folder not found" + where + ". Check its location and try again."};
    if (code == errc::not_a_directory || code == errc::file_exists || code == errc::is_a_directory)
        return {"Di lokasi ini sudah ada berkas atau folder dengan nama yang sama" + where +
                    ". Pilih nama atau folder lain.",
                "A file or folder of the same name is already there" + where + ". Choose another name or folder."};
    if (code == errc::directory_not_empty)
        return {"Folder ini tidak kosong" + where + ". Pilih folder baru atau kosong.",
                "This folder is not empty" + where + ". Choose a new or empty folder."};
    if (code == errc::device_or_resource_busy || code == errc::text_file_busy)
        return {"Berkas sedang dipakai program lain" + where + ". Tutup berkas itu lalu ulangi.",
                "The file is in use by another program" + where + ". Close it and try again."};
    if (code == errc::filename_too_long)
        return {"Nama atau lokasi berkas terlalu panjang" + where + ". Pilih folder dengan lokasi lebih pendek.",
                "The file name or location is too long" + where + ". Choose a folder with a shorter location."};
    return {"Sistem operasi menolak membaca atau menulis di lokasi ini" + where +
                ". Periksa bahwa folder ada, dapat ditulisi, dan disk tidak penuh, lalu ulangi.",
            "The operating system refused to read or write at this location" + where +
                ". Check that the folder exists, is writable and the disk is not full, then try again."};
}

Error errorFromException(const std::exception& e)
{
    if (const auto* error = dynamic_cast<const Error*>(&e)) return *error;
    if (const auto* fs = dynamic_cast<const std::filesystem::filesystem_error*>(&e))
        return Error(Problem{{}, {}, {}, {}, systemErrorText(fs->code(), fs->path1())});
    if (const auto* sys = dynamic_cast<const std::system_error*>(&e))
        return Error(Problem{{}, {}, {}, {}, systemErrorText(sys->code(), {})});
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return Error(Problem{{},
                             {},
                             {},
                             {},
                             Text{"Memori komputer tidak cukup. Tutup dokumen atau program lain, lalu ulangi.",
                                  "The computer is out of memory. Close other documents or programs, then try "
                                  "again."}});
    return Error(Problem{{},
                         {},
                         {},
                         {},
                         Text{"Terjadi kesalahan yang tidak terduga di Evakin. Ulangi sekali lagi; bila terulang, "
                              "laporkan langkah yang Anda lakukan kepada pengelola Evakin.",
                              "Evakin met an unexpected error. Try once more; if it happens again, report the steps "
                              "you took to whoever maintains Evakin."}});
}

}   // namespace evakin
