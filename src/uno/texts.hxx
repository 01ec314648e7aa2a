// The UNO layer's own user-visible texts (everything about the domain comes
// rendered from the core). Indonesian first, English second.
#pragma once

#include "error.hpp"

namespace evakin::uno::texts {

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
inline const evakin::Text keptExistingForms{"Dibatalkan: format yang sudah ada di outbox tidak ditimpa.",
                                            "Cancelled: the forms already in the outbox were kept."};
inline const evakin::Text writingForm{"Bagikan Format: ", "Distribute Forms: "};
inline const evakin::Text unexpectedError{"Terjadi kesalahan yang tidak terduga: ", "Unexpected error: "};

}  // namespace evakin::uno::texts
