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

// The step dialogs (step_dialogs.cxx, correct_command.cxx).
inline const evakin::Text workspaceHeading{"Ruang kerja: ", "Workspace: "};
inline const evakin::Text sendByMail{
    "Kirim lewat surel: format tiap unit ke alamat surelnya (server di Alat › Opsi › Evaluasi Kinerja)",
    "Send by e-mail: each unit's form to its address (server in Tools › Options › Evaluasi Kinerja)"};
inline const evakin::Text fetchFromMailbox{"Ambil dari surel: simpan dulu lampiran balasan di kotak surat ",
                                           "Fetch from e-mail: first save the replies' attachments in the mailbox "};
inline const evakin::Text fetchFromMailboxEnd{" ke inbox/?", " into inbox/?"};
inline const evakin::Text remindQuestion{
    "Kirim pengingat lewat surel ke unit yang kirimannya belum ada atau belum sah?",
    "Send an e-mail reminder to the units whose return is missing or not valid?"};
inline const evakin::Text nothingWritten{"Dibatalkan: tidak ada yang ditulis.",
                                         "Cancelled: nothing was written."};
inline const evakin::Text openWhenDone{"~Buka setelah selesai", "~Open when done"};
inline const evakin::Text correctTitle{"Koreksi Data", "Correct Data"};
inline const evakin::Text correctUnit{"~Unit:", "~Unit:"};
inline const evakin::Text correctRow{"~Baris (kode, indikator):", "~Row (code, indicator):"};
inline const evakin::Text correctTriwulan{"~Triwulan:", "~Triwulan:"};
inline const evakin::Text currentValue{"Nilai sekarang: ", "Current value: "};
inline const evakin::Text noValueYet{"belum ada", "none yet"};
inline const evakin::Text newK{"~K baru (capaian kinerja):", "New ~K (performance):"};
inline const evakin::Text newRp{"~Rp baru (realisasi anggaran):", "New ~Rp (budget spent):"};
inline const evakin::Text correctReason{"~Alasan koreksi:", "~Reason for the correction:"};
inline const evakin::Text correctHint{
    "Kosongkan K atau Rp yang tidak dikoreksi. Angka seperti 85,5 atau 1.250.000.",
    "Leave K or Rp empty when it is not corrected. Numbers as 85,5 or 1.250.000."};
inline const evakin::Text recordButton{"~Catat", "~Record"};
inline const evakin::Text noRowsToCorrect{
    "Rencana kerja belum berisi baris untuk unit mana pun: tidak ada yang dapat dikoreksi.",
    "The plan has no rows for any unit: there is nothing to correct."};
inline const evakin::Text correctionNotRecorded{"Dibatalkan: koreksi tidak dicatat.",
                                                "Cancelled: no correction was recorded."};
inline const evakin::Text reportDate{"~Tanggal laporan (TTTT-BB-HH):",
                                     "Report ~date (YYYY-MM-DD):"};
inline const evakin::Text reportPdf{"~PDF:", "~PDF:"};
inline const evakin::Text noPdf{"Tanpa PDF", "No PDF"};
inline const evakin::Text withPdf{"PDF", "PDF"};
inline const evakin::Text withPdfA{"PDF/A-2b (untuk arsip)", "PDF/A-2b (for archiving)"};
inline const evakin::Text draftButton{"~Susun", "~Draft"};
inline const evakin::Text reportNotWritten{"Dibatalkan: draf laporan tidak disusun.",
                                           "Cancelled: no draft report was written."};
inline const evakin::Text distributeUnits{"Unit yang dikirimi format:", "Units to send a form to:"};
inline const evakin::Text planRows{" baris", " rows"};
inline const evakin::Text noPlanRows{"tidak ada baris rencana", "no plan rows"};
inline const evakin::Text replaceForms{"~Timpa format yang sudah ada di outbox",
                                       "~Replace the forms already in the outbox"};
inline const evakin::Text existingForms{"Sudah ada di outbox: ", "Already in the outbox: "};
inline const evakin::Text noExistingForms{"Outbox belum berisi format unit-unit ini.",
                                          "The outbox holds no form of these units yet."};
inline const evakin::Text openForms{
    "Sedang terbuka di LibreOffice (tutup dulu sebelum ditimpa): ",
    "Open in LibreOffice now (close them before they are replaced): "};
inline const evakin::Text noUnitChosen{"Pilih minimal satu unit.", "Choose at least one unit."};
inline const evakin::Text distributeButton{"~Bagikan", "~Distribute"};
inline const evakin::Text nextPeriodFrom{"Periode baru: ", "New period: "};
inline const evakin::Text nextPeriodFolder{"~Folder ruang kerja baru:", "New workspace ~folder:"};
inline const evakin::Text browseButton{"~Pilih...", "~Browse..."};
inline const evakin::Text returnsComplete{"Semua unit sudah mengirim kiriman yang sah.",
                                          "Every unit has sent a valid return."};
inline const evakin::Text openNewPeriod{"~Buka rencana kerja periode baru setelah selesai",
                                        "~Open the new period's plan when done"};
inline const evakin::Text createButton{"~Buat", "~Create"};
inline const evakin::Text nextPeriodNotCreated{"Dibatalkan: periode baru tidak dibuat.",
                                               "Cancelled: no new period was created."};

// The letter and register dialogs (letter_dialog.cxx, register_dialog.cxx, letter_command.cxx).
inline const evakin::Text letterNumberPreview{"Nomor yang akan diambil: ", "Number it will take: "};
inline const evakin::Text letterNumberUnknown{"(ditentukan saat OK)", "(decided on OK)"};
inline const evakin::Text reportNotDrafted{
    "Perhatian: draf laporan periode ini belum disusun (tidak ada ",
    "Note: this period's draft report has not been written yet (no "};
inline const evakin::Text reportNotDraftedEnd{
    "). Tekan Buat Surat untuk tetap membuat surat pengantar, atau Batal.",
    "). Press Make Letter to write the cover letter anyway, or Cancel."};
inline const evakin::Text letterTo{"~Kepada Yth.:", "~To:"};
inline const evakin::Text letterToPlace{"~di (tempat tujuan):", "~At (place):"};
inline const evakin::Text letterDate{"~Tanggal surat (TTTT-BB-HH):", "Lette~r date (YYYY-MM-DD):"};
inline const evakin::Text letterSubject{"~Hal:", "~Subject:"};
inline const evakin::Text letterSifat{"S~ifat:", "~Nature (sifat):"};
inline const evakin::Text letterLampiran{"~Lampiran:", "Attach~ments:"};
inline const evakin::Text letterClassification{"Kla~sifikasi:", "~Classification:"};
inline const evakin::Text letterNaskah{"~Naskah dinas yang dikirim", "~Documents sent"};
inline const evakin::Text letterBanyaknya{"Banyaknya", "Quantity"};
inline const evakin::Text letterKeterangan{"Keterangan", "Remarks"};
inline const evakin::Text meetingDate{"Tanggal ~rapat (TTTT-BB-HH):",
                                      "Meetin~g date (YYYY-MM-DD):"};
inline const evakin::Text meetingTime{"~Waktu:", "~Time:"};
inline const evakin::Text meetingPlace{"Tem~pat:", "~Place:"};
inline const evakin::Text meetingAgenda{"~Acara:", "~Agenda:"};
inline const evakin::Text meetingInvitees{"~Yth. (yang diundang):", "~Invitees:"};
inline const evakin::Text otherInvitees{"~Undangan lain (pisahkan dengan ;):",
                                        "~Other invitees (separated by ;):"};
inline const evakin::Text letterSignatory{"Pe~nandatangan:", "Signator~y:"};
inline const evakin::Text makeLetterButton{"Buat Surat", "Make Letter"};
inline const evakin::Text letterNotMade{
    "Dibatalkan: tidak ada nomor yang diambil, tidak ada surat dibuat.",
    "Cancelled: no number was taken, no letter was written."};
inline const evakin::Text registerYear{"~Tahun:", "~Year:"};
inline const evakin::Text registerShow{"~Tampilkan", "~Show"};
inline const evakin::Text registerNumbers{"~Nomor surat tahun ini:", "~Numbers of the year:"};
inline const evakin::Text registerEmpty{"(belum ada nomor yang diambil)", "(no number taken yet)"};
inline const evakin::Text registerVoidReason{"~Alasan pembatalan:", "~Reason for voiding:"};
inline const evakin::Text registerVoidButton{"Batalkan N~omor", "V~oid Number"};
inline const evakin::Text registerExportButton{"~Ekspor Buku Agenda", "~Export Buku Agenda"};
inline const evakin::Text closeButton{"Tutup", "Close"};
inline const evakin::Text registerChooseEntry{"Pilih dulu nomor yang akan dibatalkan di daftar.",
                                              "First choose the number to void in the list."};
inline const evakin::Text registerConfirmVoid{
    "Batalkan nomor ini? Nomor tetap tercatat sebagai BATAL "
    "dan tidak dipakai lagi.\n",
    "Void this number? It stays in the register as VOID "
    "and is never reused.\n"};
inline const evakin::Text registerVoided{"Dibatalkan: ", "Voided: "};
inline const evakin::Text registerClosed{"Register Surat ditutup; tidak ada yang diubah.",
                                         "Letter register closed; nothing was changed."};
inline const evakin::Text registerLocation{"Register: ", "Register: "};
inline const evakin::Text unknownRegisterAction{
    "Action tidak dikenal untuk Register Surat: pakai export, void atau list. Diberikan: ",
    "Unknown Action for the letter register: use export, void or list. Given: "};

} // namespace evakin::uno::texts
