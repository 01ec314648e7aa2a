// org.evakin.OptionsPage: the event handler of Tools › Options › Evaluasi Kinerja
// (extension/registry/OptionsDialog.xcu, pages in extension/dialogs/*.xdl). The
// options dialog calls "external_event" with "initialize" before a page shows,
// "ok" when OK is pressed and "back" for Reset; the pages' buttons call the
// other methods. One service serves the three pages: which one it is comes
// from the controls the window holds. Every field goes to the core as typed
// (settings/settings_form.hpp), which checks it; a wrong field is named in a
// message and nothing of that page is saved.
#include <Poco/LocalDateTime.h>

#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include "command_support.hxx"
#include "convert.hxx"
#include "letters/register.hpp"
#include "model/new_workspace.hpp"
#include "passwords.hxx"
#include "settings.hxx"
#include "settings/settings_form.hpp"
#include "text/tech_log.hpp"
#include "ui_helpers.hxx"

namespace evakin::uno
{

namespace
{

using css::uno::Reference;
using evakin::Text;

// A control's label in both languages; the .xdl holds the Indonesian one for the designer.
struct Label
{
    const char* control;
    Text text;
};

// A field of the core's messages ("surel.port") as the page names it.
struct FieldName
{
    const char* field;
    Text name;
};

const Label kRegisterLabels[] = {
    {"StorageHeading", {"Tempat register", "Where the register is"}},
    {"KindLabel", {"Jenis:", "Kind:"}},
    {"SqliteLabel", {"Berkas SQLite:", "SQLite file:"}},
    {"BrowseSqlite", {"...", "..."}},
    {"HostLabel", {"Server PostgreSQL:", "PostgreSQL server:"}},
    {"PortLabel", {"Port:", "Port:"}},
    {"DatabaseLabel", {"Basis data:", "Database:"}},
    {"UserLabel", {"Pengguna:", "User:"}},
    {"PasswordLabel", {"Kata sandi:", "Password:"}},
    {"TestConnection", {"Uji koneksi", "Test connection"}},
    {"NumberHeading", {"Nomor surat", "Letter numbers"}},
    {"PatternLabel", {"Pola nomor:", "Number pattern:"}},
    {"PerClassification",
     {"Nomor urut sendiri untuk tiap kode klasifikasi",
      "A sequence of its own for each classification code"}},
    {"UnitCodeLabel", {"Kode unit:", "Unit code:"}},
    {"UnitCodeHint", {"kosong: nama singkat kantor", "empty: the office's short name"}},
    {"ClassLabel", {"Kode klasifikasi:", "Classification codes:"}},
    {"PengantarLabel", {"Bawaan pengantar:", "Cover letter code:"}},
    {"UndanganLabel", {"Bawaan undangan:", "Invitation code:"}},
};
const FieldName kRegisterFields[] = {
    {"register.host", {"Server PostgreSQL", "PostgreSQL server"}},
    {"register.port", {"Port PostgreSQL", "PostgreSQL port"}},
    {"register.dbname", {"Basis data", "Database"}},
    {"register.user", {"Pengguna PostgreSQL", "PostgreSQL user"}},
    {"register", {"Register", "Register"}},
    {"pola_nomor", {"Pola nomor", "Number pattern"}},
    {"klasifikasi_bawaan.pengantar", {"Bawaan pengantar", "Cover letter code"}},
    {"klasifikasi_bawaan.undangan", {"Bawaan undangan", "Invitation code"}},
    {"klasifikasi", {"Kode klasifikasi", "Classification codes"}},
};

const Label kEvaluationLabels[] = {
    {"BandHeading",
     {"Predikat (batas bawah tertinggi lebih dulu)", "Ratings (highest lower bound first)"}},
    {"BandMinHeader", {"Batas bawah (%)", "Lower bound (%)"}},
    {"BandLabelHeader", {"Predikat", "Rating (Indonesian)"}},
    {"BandLabelEnHeader", {"Predikat (English)", "Rating (English)"}},
    {"GoodFromLabel",
     {"Capaian baik mulai (%), di bawahnya perlu faktor penghambat:",
      "Good from (%); below it a hindering factor is asked for:"}},
    {"NegativeLabel", {"Indikator negatif:", "Negative indicators:"}},
    {"CityLabel", {"Kota laporan:", "Report's city:"}},
    {"DasarLabel", {"Dasar hukum (satu per baris):", "Legal basis (one per line):"}},
};
const FieldName kEvaluationFields[] = {
    {"predikat", {"Predikat", "Rating"}},
    {"goodFrom", {"Capaian baik mulai", "Good from"}},
    {"kota", {"Kota laporan", "Report's city"}},
};
const char* const kEvaluationFieldControls[] = {"GoodFrom", "NegativeFormula", "City",
                                                "DasarHukum"};

const Label kGeneralLabels[] = {
    {"StaffLabel", {"Nama petugas:", "Staff member:"}},
    {"FolderLabel", {"Folder ruang kerja:", "Workspace folder:"}},
    {"BrowseFolder", {"...", "..."}},
    {"SmtpHeading",
     {"Surel keluar (SMTP): Kirim Format dan pengingat",
      "Outgoing mail (SMTP): sending forms and reminders"}},
    {"SmtpHostLabel", {"Server:", "Server:"}},
    {"SmtpPortLabel", {"Port:", "Port:"}},
    {"SmtpSecurityLabel", {"Keamanan:", "Security:"}},
    {"SmtpUserLabel", {"Pengguna:", "User:"}},
    {"SmtpPasswordLabel", {"Kata sandi:", "Password:"}},
    {"FromNameLabel", {"Nama pengirim:", "Sender name:"}},
    {"FromAddressLabel", {"Alamat pengirim:", "Sender address:"}},
    {"Pop3Heading", {"Kotak masuk (POP3): Ambil Kiriman", "Mailbox (POP3): fetching the returns"}},
    {"Pop3HostLabel", {"Server:", "Server:"}},
    {"Pop3PortLabel", {"Port:", "Port:"}},
    {"Pop3SecurityLabel", {"Keamanan:", "Security:"}},
    {"Pop3UserLabel", {"Pengguna:", "User:"}},
    {"Pop3PasswordLabel", {"Kata sandi:", "Password:"}},
    {"Pop3Delete",
     {"Hapus pesan dari server setelah diambil", "Delete messages from the server once fetched"}},
};
const FieldName kGeneralFields[] = {
    {"nama_petugas", {"Nama petugas", "Staff member"}},
    {"folder_ruang_kerja", {"Folder ruang kerja", "Workspace folder"}},
    {"surel.server", {"Server SMTP", "SMTP server"}},
    {"surel.port", {"Port SMTP", "SMTP port"}},
    {"surel.pengguna", {"Pengguna SMTP", "SMTP user"}},
    {"surel.nama_pengirim", {"Nama pengirim", "Sender name"}},
    {"surel.alamat_pengirim", {"Alamat pengirim", "Sender address"}},
    {"pop3.server", {"Server POP3", "POP3 server"}},
    {"pop3.port", {"Port POP3", "POP3 port"}},
    {"pop3.pengguna", {"Pengguna POP3", "POP3 user"}},
};

const Text kSecurityItems[] = {
    {"Tanpa enkripsi", "No encryption"}, {"STARTTLS", "STARTTLS"}, {"SSL/TLS", "SSL/TLS"}};
const Text kKindItems[] = {{"SQLite (berkas di komputer ini atau folder bersama)",
                            "SQLite (a file on this computer or a shared folder)"},
                           {"PostgreSQL (server bersama)", "PostgreSQL (a shared server)"}};
const Text kFormulaItems[] = {
    {"target / realisasi x 100", "target / realisation x 100"},
    {"(2 x target - realisasi) / target x 100", "(2 x target - realisation) / target x 100"}};

const Text kTitle{"Evaluasi Kinerja — Pengaturan", "Evaluasi Kinerja — Settings"};
const Text kNotSaved{
    "Pengaturan halaman ini TIDAK disimpan; perbaiki isian berikut lalu simpan lagi:\n\n",
    "The settings of this page were NOT saved; fix these fields and save again:\n\n"};
const Text kUnexpected{
    "Pengaturan tidak dapat dibaca atau disimpan karena kesalahan tak terduga (rinciannya "
    "di log teknis Evakin).",
    "The settings could not be read or saved because of an unexpected error (details in "
    "Evakin's technical log)."};

// One page's controls, by the names of its .xdl.
class Page
{
public:
    explicit Page(const Reference<css::awt::XWindow>& window)
        : window_(window), controls_(window, css::uno::UNO_QUERY)
    {
    }
    const Reference<css::awt::XWindow>& window() const
    {
        return window_;
    }
    bool has(const char* name) const
    {
        return controls_.is() && controls_->getControl(rtl::OUString::createFromAscii(name)).is();
    }
    std::string text(const char* name) const
    {
        return toUtf8(property<rtl::OUString>(name, "Text"));
    }
    rtl::OUString rawText(const char* name) const
    {
        return property<rtl::OUString>(name, "Text");
    }
    void setText(const char* name, const std::string& value) const
    {
        set(name, "Text", css::uno::Any(toOUString(value)));
    }
    void setRawText(const char* name, const rtl::OUString& value) const
    {
        set(name, "Text", css::uno::Any(value));
    }
    bool checked(const char* name) const
    {
        return property<sal_Int16>(name, "State") == 1;
    }
    void setChecked(const char* name, bool on) const
    {
        set(name, "State", css::uno::Any(static_cast<sal_Int16>(on ? 1 : 0)));
    }
    sal_Int16 choice(const char* name) const
    {
        const auto selected = property<css::uno::Sequence<sal_Int16>>(name, "SelectedItems");
        return selected.getLength() > 0 ? selected[0] : 0;
    }
    void setChoice(const char* name, sal_Int16 index) const
    {
        set(name, "SelectedItems", css::uno::Any(css::uno::Sequence<sal_Int16>(&index, 1)));
    }
    template <std::size_t N>
    void setItems(const char* name, const Text (&items)[N], Lang lang) const
    {
        rtl::OUString texts[N];
        for (std::size_t i = 0; i < N; ++i)
            texts[i] = toOUString(items[i].in(lang));
        set(name, "StringItemList", css::uno::Any(css::uno::Sequence<rtl::OUString>(texts, N)));
    }
    void setLabel(const char* name, const std::string& label) const
    {
        set(name, "Label", css::uno::Any(toOUString(label)));
    }
    void enable(const char* name, bool on) const
    {
        set(name, "Enabled", css::uno::Any(on));
    }

private:
    Reference<css::beans::XPropertySet> model(const char* name) const
    {
        const Reference<css::awt::XControl> control =
            controls_.is() ? controls_->getControl(rtl::OUString::createFromAscii(name)) : nullptr;
        if (!control.is())
            throw css::uno::RuntimeException("options page without control " +
                                             rtl::OUString::createFromAscii(name));
        return Reference<css::beans::XPropertySet>(control->getModel(), css::uno::UNO_QUERY_THROW);
    }
    template <class T>
    T property(const char* name, const char* prop) const
    {
        T value{};
        model(name)->getPropertyValue(rtl::OUString::createFromAscii(prop)) >>= value;
        return value;
    }
    void set(const char* name, const char* prop, const css::uno::Any& value) const
    {
        model(name)->setPropertyValue(rtl::OUString::createFromAscii(prop), value);
    }

    Reference<css::awt::XWindow> window_;
    Reference<css::awt::XControlContainer> controls_;
};

template <std::size_t N>
void applyLabels(const Page& page, const Label (&labels)[N], Lang lang)
{
    for (const Label& l : labels)
        page.setLabel(l.control, l.text.in(lang));
}

// "Port SMTP: Port harus ..." per problem; the file's own name when no field is named.
template <std::size_t N>
std::string describe(const evakin::Error& e, const FieldName (&names)[N], Lang lang)
{
    std::string out;
    for (const evakin::Problem& p : e.problems())
    {
        std::string line = p.render(lang);
        for (const FieldName& n : names)
        {
            const std::string key = n.field;
            if (!p.field.empty() && p.field.compare(0, key.size(), key) == 0)
            {
                const std::string rest = p.field.substr(key.size());
                line = n.name.in(lang) + rest + ": " + p.message.in(lang);
                break;
            }
        }
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

MailSecurity securityOf(sal_Int16 choice)
{
    return choice == 1   ? MailSecurity::starttls
           : choice == 2 ? MailSecurity::ssl
                         : MailSecurity::none;
}

sal_Int16 choiceOf(MailSecurity s)
{
    return s == MailSecurity::starttls ? 1 : s == MailSecurity::ssl ? 2 : 0;
}

// A message shown once the Options dialog has closed: "ok" runs while the dialog is still up,
// and a message box opened over it from there stayed blank under gtk3.
class LaterMessage : public cppu::WeakImplHelper1<css::awt::XCallback>
{
public:
    LaterMessage(const Reference<css::uno::XComponentContext>& context, MessageKind kind,
                 const rtl::OUString& title, const rtl::OUString& text)
        : context_(context), kind_(kind), title_(title), text_(text)
    {
    }
    void SAL_CALL notify(const css::uno::Any&) override
    {
        showMessage(context_, nullptr, kind_, title_, text_);
    }

private:
    Reference<css::uno::XComponentContext> context_;
    MessageKind kind_;
    rtl::OUString title_, text_;
};

// ---- Register Surat --------------------------------------------------------------------

evakin::RegisterForm registerFormOf(const Page& p)
{
    evakin::RegisterForm f;
    f.postgresql = p.choice("RegisterKind") == 1;
    f.sqliteFile = p.text("SqliteFile");
    f.host = p.text("PgHost");
    f.port = p.text("PgPort");
    f.database = p.text("PgDatabase");
    f.user = p.text("PgUser");
    f.pattern = p.text("NumberPattern");
    f.perClassification = p.checked("PerClassification");
    f.unitCode = p.text("UnitCode");
    f.classifications = p.text("Classifications");
    f.defaultPengantar = p.text("DefaultPengantar");
    f.defaultUndangan = p.text("DefaultUndangan");
    return f;
}

void showKind(const Page& p)
{
    const bool postgres = p.choice("RegisterKind") == 1;
    p.enable("SqliteFile", !postgres);
    p.enable("BrowseSqlite", !postgres);
    for (const char* name : {"PgHost", "PgPort", "PgDatabase", "PgUser", "PgPassword"})
        p.enable(name, postgres);
}

void showSettingsFile(const Page& p, Lang lang)
{
    const std::filesystem::path file = evakin::registerFormLocation(registerFormOf(p)).settingsFile;
    p.setLabel("SettingsFileLine",
               (lang == Lang::en ? "Numbering kept in: " : "Pengaturan nomor disimpan di: ") +
                   file.u8string());
}

// ---- Penilaian & Laporan ------------------------------------------------------------------

constexpr int kBandRows = 5;
const char* const kBandMin[kBandRows] = {"BandMin1", "BandMin2", "BandMin3", "BandMin4",
                                         "BandMin5"};
const char* const kBandLabel[kBandRows] = {"BandLabel1", "BandLabel2", "BandLabel3", "BandLabel4",
                                           "BandLabel5"};
const char* const kBandLabelEn[kBandRows] = {"BandLabelEn1", "BandLabelEn2", "BandLabelEn3",
                                             "BandLabelEn4", "BandLabelEn5"};

class OptionsPage
    : public cppu::WeakImplHelper2<css::awt::XContainerWindowEventHandler, css::lang::XServiceInfo>
{
public:
    explicit OptionsPage(const Reference<css::uno::XComponentContext>& context) : context_(context)
    {
        rememberOfficeContext(context);
    }

    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XWindow>& window,
                                        const css::uno::Any& event,
                                        const rtl::OUString& method) override
    {
        const Page page(window);
        const Lang lang = uiLanguage(context_);
        try
        {
            rtl::OUString what;
            event >>= what;
            if (method == "external_event")
            {
                if (what == "ok")
                    save(page, lang);
                else if (what == "initialize" || what == "back")
                    load(page, lang);
                return true;
            }
            if (method == "kindChanged")
                showKind(page);
            else if (method == "browseSqlite")
                browseSqlite(page, lang);
            else if (method == "testConnection")
                testConnection(page, lang);
            else if (method == "browseFolder")
                browseFolder(page, lang);
            else
                return false;
            return true;
        }
        catch (const evakin::Error& e)
        {
            message(page, MessageKind::error, e.render(lang));
        }
        catch (const css::uno::Exception& e)
        {
            evakin::logTechnicalDetail("options page " + toUtf8(method), toUtf8(e.Message));
            message(page, MessageKind::error, kUnexpected.in(lang));
        }
        catch (const std::exception& e)
        {
            evakin::logTechnicalDetail("options page " + toUtf8(method), e.what());
            message(page, MessageKind::error, kUnexpected.in(lang));
        }
        return true;
    }

    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override
    {
        const rtl::OUString names[] = {"external_event", "kindChanged", "browseSqlite",
                                       "testConnection", "browseFolder"};
        return css::uno::Sequence<rtl::OUString>(names, 5);
    }

    rtl::OUString SAL_CALL getImplementationName() override
    {
        return "org.evakin.OptionsPageImpl";
    }
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override
    {
        const rtl::OUString name("org.evakin.OptionsPage");
        return css::uno::Sequence<rtl::OUString>(&name, 1);
    }

private:
    void message(const Page& page, MessageKind kind, const std::string& text) const
    {
        showMessageOver(context_, page.window(), kind, toOUString(kTitle.in(uiLanguage(context_))),
                        toOUString(text));
    }

    void messageLater(MessageKind kind, const std::string& text) const
    {
        css::awt::AsyncCallback::create(context_)->addCallback(
            new LaterMessage(context_, kind, toOUString(kTitle.in(uiLanguage(context_))),
                             toOUString(text)),
            css::uno::Any());
    }

    // A damaged settings file is named on the page itself where it has a status line (a message
    // box over the dialog stayed blank under gtk3); OK then says again what is wrong.
    void load(const Page& p, Lang lang)
    {
        try
        {
            if (p.has("RegisterKind"))
                loadRegister(p, lang);
            else if (p.has("BandMin1"))
                loadEvaluation(p, lang);
            else if (p.has("StaffName"))
                loadGeneral(p, lang);
        }
        catch (const evakin::Error& e)
        {
            const char* line = p.has("RegisterKind") ? "SettingsFileLine"
                               : p.has("BandMin1")   ? "WorkspaceLine"
                                                     : nullptr;
            if (!line)
                throw;
            p.setLabel(line, e.render(lang));
        }
    }

    void save(const Page& p, Lang lang)
    {
        try
        {
            if (p.has("RegisterKind"))
                saveRegister(p, lang);
            else if (p.has("BandMin1"))
                saveEvaluation(p);
            else if (p.has("StaffName"))
                saveGeneral(p, lang);
        }
        catch (const evakin::Error& e)
        {
            const std::string named = p.has("RegisterKind") ? describe(e, kRegisterFields, lang)
                                      : p.has("BandMin1")   ? describe(e, kEvaluationFields, lang)
                                                            : describe(e, kGeneralFields, lang);
            messageLater(MessageKind::error, kNotSaved.in(lang) + named);
        }
    }

    // Register Surat
    void loadRegister(const Page& p, Lang lang)
    {
        applyLabels(p, kRegisterLabels, lang);
        p.setItems("RegisterKind", kKindItems, lang);
        const evakin::RegisterForm f = evakin::loadRegisterForm();
        p.setChoice("RegisterKind", f.postgresql ? 1 : 0);
        p.setText("SqliteFile", f.sqliteFile);
        p.setText("PgHost", f.host);
        p.setText("PgPort", f.port);
        p.setText("PgDatabase", f.database);
        p.setText("PgUser", f.user);
        p.setRawText("PgPassword",
                     f.postgresql ? storedPassword(context_, evakin::registerPasswordKey(f), f.user)
                                  : rtl::OUString());
        p.setText("NumberPattern", f.pattern);
        p.setChecked("PerClassification", f.perClassification);
        p.setText("UnitCode", f.unitCode);
        p.setText("Classifications", f.classifications);
        p.setText("DefaultPengantar", f.defaultPengantar);
        p.setText("DefaultUndangan", f.defaultUndangan);
        showKind(p);
        showSettingsFile(p, lang);
    }

    void saveRegister(const Page& p, Lang lang)
    {
        const evakin::RegisterForm f = registerFormOf(p);
        evakin::saveRegisterForm(f);
        if (f.postgresql &&
            !storePassword(context_, topWindowOver(context_, p.window()),
                           evakin::registerPasswordKey(f), f.user, p.rawText("PgPassword")))
            messageLater(
                MessageKind::warning,
                lang == Lang::en
                    ? "The register was saved, but LibreOffice did not keep the PostgreSQL "
                      "password (its master password was not given)."
                    : "Register disimpan, tetapi LibreOffice tidak menyimpan kata sandi "
                      "PostgreSQL (kata sandi utamanya tidak diisi).");
    }

    // The result goes to the page's status line: a message box over the Options dialog stayed
    // blank under gtk3 (LaterMessage).
    void testConnection(const Page& p, Lang lang)
    {
        const auto say = [&](const std::string& text)
        {
            p.setLabel("SettingsFileLine",
                       (lang == Lang::en ? "Test connection: " : "Uji koneksi: ") + text);
        };
        try
        {
            say(connectionResult(p, lang));
        }
        catch (const evakin::Error& e)
        {
            say(e.render(lang));
        }
    }

    std::string connectionResult(const Page& p, Lang lang)
    {
        const evakin::RegisterForm f = registerFormOf(p);
        const evakin::RegisterLocation loc =
            evakin::registerFormLocation(f, toUtf8(p.rawText("PgPassword")));
        const bool en = lang == Lang::en;
        if (!f.postgresql && !std::filesystem::exists(std::filesystem::u8path(loc.target)))
            return en ? "the register file " + loc.target +
                            " does not exist yet: Evakin creates it when the first letter is "
                            "numbered."
                      : "berkas register " + loc.target +
                            " belum ada: Evakin membuatnya saat surat pertama diberi nomor.";
        const evakin::Register reg =
            evakin::Register::open(loc); // Error: what is wrong, in both languages
        const std::size_t numbers = reg.list(Poco::LocalDateTime().year()).size();
        return (en ? "the register opens (" : "register dapat dibuka (") + loc.display() + "); " +
               (en ? "numbers taken this year: " : "nomor tercatat tahun ini: ") +
               std::to_string(numbers) + ".";
    }

    void browseSqlite(const Page& p, Lang lang)
    {
        const css::uno::Any mode(css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        const Reference<css::ui::dialogs::XFilePicker3> picker =
            css::ui::dialogs::FilePicker::createWithMode(
                context_, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
        const Reference<css::lang::XInitialization> init(picker, css::uno::UNO_QUERY);
        if (init.is())
        {
            const css::uno::Any args[2] = {mode,
                                           css::uno::Any(topWindowOver(context_, p.window()))};
            init->initialize(css::uno::Sequence<css::uno::Any>(args, 2));
        }
        picker->setTitle(
            toOUString(lang == Lang::en ? "Choose the register file" : "Pilih berkas register"));
        picker->appendFilter("Register (*.sqlite)", "*.sqlite");
        const std::filesystem::path typed = std::filesystem::u8path(p.text("SqliteFile"));
        std::error_code ec;
        if (std::filesystem::is_directory(typed.parent_path(), ec))
            picker->setDisplayDirectory(toFileUrl(typed.parent_path()));
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
            return;
        const css::uno::Sequence<rtl::OUString> files = picker->getSelectedFiles();
        if (files.getLength() > 0)
        {
            p.setText("SqliteFile", toPath(files[0]).u8string());
            showSettingsFile(p, lang);
        }
    }

    // Penilaian & Laporan
    void loadEvaluation(const Page& p, Lang lang)
    {
        applyLabels(p, kEvaluationLabels, lang);
        p.setItems("NegativeFormula", kFormulaItems, lang);
        const std::filesystem::path ws = currentWorkspace();
        const bool there = !ws.empty();
        for (int i = 0; i < kBandRows; ++i)
            for (const char* name : {kBandMin[i], kBandLabel[i], kBandLabelEn[i]})
                p.enable(name, there);
        for (const char* name : kEvaluationFieldControls)
            p.enable(name, there);
        if (!there)
        {
            p.setLabel("WorkspaceLine",
                       lang == Lang::en
                           ? "No workspace chosen yet: these settings belong to a workspace. "
                             "Choose one with "
                             "Evaluasi Kinerja › Workspace, then open this page again."
                           : "Belum ada ruang kerja dipilih: pengaturan ini milik sebuah ruang "
                             "kerja. Pilih dulu "
                             "lewat Evaluasi Kinerja › Ruang Kerja, lalu buka halaman ini lagi.");
            return;
        }
        p.setLabel("WorkspaceLine", (lang == Lang::en ? "Workspace: " : "Ruang kerja: ") +
                                        evakin::workspaceLabel(ws) +
                                        " (penilaian.json, laporan.json)");
        const evakin::EvaluationForm f = evakin::loadEvaluationForm(ws);
        // More bands than rows: shown read-only, kept as they are (saveEvaluation).
        const bool editable = f.bands.size() <= static_cast<std::size_t>(kBandRows);
        for (int i = 0; i < kBandRows; ++i)
        {
            const evakin::BandText b =
                static_cast<std::size_t>(i) < f.bands.size() ? f.bands[i] : evakin::BandText{};
            p.setText(kBandMin[i], b.min);
            p.setText(kBandLabel[i], b.label);
            p.setText(kBandLabelEn[i], b.labelEn);
            for (const char* name : {kBandMin[i], kBandLabel[i], kBandLabelEn[i]})
                p.enable(name, editable);
        }
        p.setText("GoodFrom", f.goodFrom);
        p.setChoice("NegativeFormula", f.negative == evakin::NegativeFormula::inverse ? 1 : 0);
        p.setText("City", f.city);
        p.setText("DasarHukum", f.dasarHukum);
    }

    void saveEvaluation(const Page& p)
    {
        const std::filesystem::path ws = currentWorkspace();
        if (ws.empty())
            return; // the page said there is none; nothing to save
        evakin::EvaluationForm f = evakin::loadEvaluationForm(ws);
        if (f.bands.size() <= static_cast<std::size_t>(kBandRows))
        {
            f.bands.clear();
            for (int i = 0; i < kBandRows; ++i)
                f.bands.push_back(
                    {p.text(kBandMin[i]), p.text(kBandLabel[i]), p.text(kBandLabelEn[i])});
        }
        f.goodFrom = p.text("GoodFrom");
        f.negative = p.choice("NegativeFormula") == 1 ? evakin::NegativeFormula::inverse
                                                      : evakin::NegativeFormula::ratio;
        f.city = p.text("City");
        f.dasarHukum = p.text("DasarHukum");
        evakin::saveEvaluationForm(ws, f);
    }

    std::filesystem::path currentWorkspace() const
    {
        const rtl::OUString url = lastWorkspace(context_);
        const std::filesystem::path dir = url.isEmpty() ? std::filesystem::path() : toPath(url);
        return isWorkspaceDir(dir) ? dir : std::filesystem::path();
    }

    // Umum & Surel
    void loadGeneral(const Page& p, Lang lang)
    {
        applyLabels(p, kGeneralLabels, lang);
        p.setItems("SmtpSecurity", kSecurityItems, lang);
        p.setItems("Pop3Security", kSecurityItems, lang);
        const evakin::GeneralForm f = evakin::loadGeneralForm();
        const evakin::OfficeSettings s = evakin::loadOfficeSettings();
        p.setText("StaffName", f.staffName);
        p.setText("WorkspaceFolder", f.workspaceFolder);
        p.setText("SmtpHost", f.smtpHost);
        p.setText("SmtpPort", f.smtpPort);
        p.setChoice("SmtpSecurity", choiceOf(f.smtpSecurity));
        p.setText("SmtpUser", f.smtpUser);
        p.setRawText("SmtpPassword",
                     s.smtp.host.empty()
                         ? rtl::OUString()
                         : storedPassword(context_, evakin::smtpPasswordKey(s.smtp), s.smtp.user));
        p.setText("FromName", f.fromName);
        p.setText("FromAddress", f.fromAddress);
        p.setText("Pop3Host", f.pop3Host);
        p.setText("Pop3Port", f.pop3Port);
        p.setChoice("Pop3Security", choiceOf(f.pop3Security));
        p.setText("Pop3User", f.pop3User);
        p.setRawText("Pop3Password",
                     s.pop3.host.empty()
                         ? rtl::OUString()
                         : storedPassword(context_, evakin::pop3PasswordKey(s.pop3), s.pop3.user));
        p.setChecked("Pop3Delete", f.pop3Delete);
    }

    void saveGeneral(const Page& p, Lang lang)
    {
        evakin::GeneralForm f;
        f.staffName = p.text("StaffName");
        f.workspaceFolder = p.text("WorkspaceFolder");
        f.smtpHost = p.text("SmtpHost");
        f.smtpPort = p.text("SmtpPort");
        f.smtpSecurity = securityOf(p.choice("SmtpSecurity"));
        f.smtpUser = p.text("SmtpUser");
        f.fromName = p.text("FromName");
        f.fromAddress = p.text("FromAddress");
        f.pop3Host = p.text("Pop3Host");
        f.pop3Port = p.text("Pop3Port");
        f.pop3Security = securityOf(p.choice("Pop3Security"));
        f.pop3User = p.text("Pop3User");
        f.pop3Delete = p.checked("Pop3Delete");
        evakin::saveGeneralForm(f);
        // The keys as saved (ports filled in, spaces trimmed).
        const evakin::OfficeSettings s = evakin::loadOfficeSettings();
        bool kept = true;
        if (!s.smtp.host.empty())
            kept = storePassword(context_, topWindowOver(context_, p.window()),
                                 evakin::smtpPasswordKey(s.smtp), s.smtp.user,
                                 p.rawText("SmtpPassword"));
        if (!s.pop3.host.empty())
            kept = storePassword(context_, topWindowOver(context_, p.window()),
                                 evakin::pop3PasswordKey(s.pop3), s.pop3.user,
                                 p.rawText("Pop3Password")) &&
                   kept;
        if (!kept)
            messageLater(
                MessageKind::warning,
                lang == Lang::en
                    ? "The settings were saved, but LibreOffice did not keep the mail "
                      "passwords (its master password was not given)."
                    : "Pengaturan disimpan, tetapi LibreOffice tidak menyimpan kata sandi surel "
                      "(kata sandi utamanya tidak diisi).");
    }

    void browseFolder(const Page& p, Lang lang)
    {
        const std::filesystem::path typed = std::filesystem::u8path(p.text("WorkspaceFolder"));
        std::error_code ec;
        const rtl::OUString chosen = pickFolder(
            context_,
            toOUString(lang == Lang::en ? "Choose the folder for new workspaces"
                                        : "Pilih folder untuk ruang kerja baru"),
            std::filesystem::is_directory(typed, ec) ? toFileUrl(typed) : rtl::OUString(),
            topWindowOver(context_, p.window()));
        if (!chosen.isEmpty())
            p.setText("WorkspaceFolder", toPath(chosen).u8string());
    }

    Reference<css::uno::XComponentContext> context_;
};

} // namespace

} // namespace evakin::uno

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_evakin_OptionsPage_get_implementation(css::uno::XComponentContext* context,
                                          const css::uno::Sequence<css::uno::Any>& /*arguments*/)
{
    return cppu::acquire(new evakin::uno::OptionsPage(context));
}
