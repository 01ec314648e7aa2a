// The UNO layer's own user-visible texts (everything about the domain comes
// rendered from the core). Indonesian first, English second.
#pragma once

#include "text/error.hpp"

namespace evakin::uno::texts
{

inline const evakin::Text distributeTitle{"Bagikan Format", "Distribute Forms"};
inline const evakin::Text chooseWorkspace{"Pilih folder ruang kerja (periode evaluasi)",
                                          "Choose the workspace folder (evaluation period)"};
inline const evakin::Text badWorkspaceArgument{"Folder ruang kerja tidak dapat dibaca: ",
                                               "The workspace folder cannot be read: "};
inline const evakin::Text missingWorkspaceArgument{"Folder ruang kerja belum diisi.",
                                                   "No workspace folder was given."};
inline const evakin::Text outboxNotEmpty{
    "Folder outbox sudah berisi berkas.\nTimpa format yang sudah ada?",
    "The outbox folder already contains files.\nReplace the existing forms?"};
inline const evakin::Text keptExistingForms{
    "Dibatalkan: format yang sudah ada di outbox tidak ditimpa.",
    "Cancelled: the forms already in the outbox were kept."};
inline const evakin::Text writingForm{"Bagikan Format: ", "Distribute Forms: "};
inline const evakin::Text collectTitle{"Rekap Kiriman", "Collect Returns"};
inline const evakin::Text readingReturn{"Rekap Kiriman: ", "Collect Returns: "};
inline const evakin::Text nextPeriodTitle{"Periode Baru", "New Period"};
inline const evakin::Text confirmNextPeriod{"Buat ruang kerja periode berikutnya di folder ini?\n",
                                            "Create the next period's workspace in this folder?\n"};
inline const evakin::Text chooseNextFolder{
    "Pilih folder (kosong) untuk ruang kerja periode berikutnya",
    "Choose an (empty) folder for the next period's workspace"};
inline const evakin::Text reportTitle{"Susun Draf Laporan", "Draft Report"};
inline const evakin::Text pdfFailed{"Draf laporan sudah ditulis, tetapi ekspor PDF gagal: ",
                                    "The draft report was written, but the PDF export failed: "};
inline const evakin::Text coverLetterTitle{"Surat Pengantar", "Cover Letter"};
inline const evakin::Text invitationTitle{"Undangan Rapat", "Meeting Invitation"};
inline const evakin::Text registerTitle{"Register Surat", "Letter Register"};
inline const evakin::Text cannotOpen{"Berkas sudah ditulis tetapi tidak dapat dibuka: ",
                                     "The file was written but cannot be opened: "};
inline const evakin::Text badNumber{"Angka tidak dapat dibaca: ", "Not a readable number: "};
inline const evakin::Text profileTitle{"Profil Kantor", "Office Profile"};
inline const evakin::Text profileSaved{"Profil kantor disimpan: ", "Office profile saved: "};
inline const evakin::Text profileNotSaved{"Dibatalkan: profil kantor tidak diubah.",
                                          "Cancelled: the office profile was not changed."};
inline const evakin::Text saveButton{"Simpan", "Save"};
inline const evakin::Text cancelButton{"Batal", "Cancel"};
inline const evakin::Text unexpectedError{"Terjadi kesalahan yang tidak terduga: ",
                                          "Unexpected error: "};
// Ruang Kerja (workspace_dialog.cxx) and the workspace every command names.
inline const evakin::Text workspaceTitle{"Ruang Kerja", "Workspace"};
inline const evakin::Text actsOnWorkspace{"Ruang kerja: ", "Workspace: "};
inline const evakin::Text silentNeedsWorkspace{
    "Dokumen ini tidak berada di ruang kerja Evakin. Berikan argumen Workspace=FOLDER.",
    "This document is not in an Evakin workspace. Pass the argument Workspace=FOLDER."};
inline const evakin::Text askWorkspaceIntro{
    "Dokumen ini tidak berada di ruang kerja Evakin. Jalankan perintah ini pada ruang kerja:",
    "This document is not in an Evakin workspace. Run this command on the workspace:"};
inline const evakin::Text notAWorkspace{
    "Folder ini bukan ruang kerja Evakin (tidak ada periode.json). Pilih folder lain, atau buat "
    "ruang kerja dengan Evaluasi Kinerja > Ruang Kerja.",
    "This folder is not an Evakin workspace (no periode.json). Choose another folder, or create a "
    "workspace with Evaluasi Kinerja > Workspace."};
inline const evakin::Text noWorkspaceYet{"(belum ada)", "(none yet)"};
inline const evakin::Text browseFolder{"~Telusuri…", "~Browse…"};
inline const evakin::Text okButton{"OK", "OK"};
inline const evakin::Text currentWorkspace{"Ruang kerja saat ini:", "Current workspace:"};
inline const evakin::Text useExisting{"~Pakai ruang kerja yang sudah ada",
                                      "~Use an existing workspace"};
inline const evakin::Text createNew{"~Buat ruang kerja baru", "~Create a new workspace"};
inline const evakin::Text folderLabel{"~Folder:", "~Folder:"};
inline const evakin::Text newFolderLabel{"F~older baru:", "New f~older:"};
inline const evakin::Text yearLabel{"~Tahun:", "~Year:"};
inline const evakin::Text triwulanLabel{"T~riwulan:", "~Quarter:"};
inline const evakin::Text deadlineLabel{"Batas ~waktu (TTTT-BB-HH):", "~Deadline (YYYY-MM-DD):"};
inline const evakin::Text contentLabel{"Profil kantor dan rencana kerja:",
                                       "Office profile and plan:"};
inline const evakin::Text fromEarlier{"~Salin dari ruang kerja sebelumnya:",
                                      "Cop~y from an earlier workspace:"};
inline const evakin::Text fromSample{"Contoh ~kantor (untuk mencoba)",
                                     "The ~sample office (to try it out)"};
inline const evakin::Text fromEmpty{"K~osong, diisi sendiri", "~Empty, to fill in"};
inline const evakin::Text workspaceChosen{"Ruang kerja dipilih: ", "Workspace chosen: "};
inline const evakin::Text workspaceUnchanged{"Dibatalkan: ruang kerja tidak diubah.",
                                             "Cancelled: the workspace was not changed."};
inline const evakin::Text openEvalTable{"Buka juga tabel evaluasi (Permendagri 86/2017)?\n",
                                        "Also open the evaluation table (Permendagri 86/2017)?\n"};

} // namespace evakin::uno::texts
