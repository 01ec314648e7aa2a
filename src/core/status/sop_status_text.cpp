// The two ways a SopStatus is written out: JSON for the deck, the API and
// `evakin status --json`, and the text `evakin status` prints.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "status/sop_status.hpp"

namespace evakin {

const char* stepStateName(StepState state)
{
    switch (state) {
        case StepState::manual: return "manual";
        case StepState::todo: return "todo";
        case StepState::partial: return "partial";
        case StepState::done: return "done";
        case StepState::warning: return "warning";
    }
    return "todo";
}

namespace {

const char* stateWord(StepState state, Lang lang)
{
    const bool en = lang == Lang::en;
    switch (state) {
        case StepState::manual: return en ? "manual" : "manual";
        case StepState::todo: return en ? "to do" : "belum";
        case StepState::partial: return en ? "partial" : "sebagian";
        case StepState::done: return en ? "done" : "selesai";
        case StepState::warning: return en ? "check" : "periksa";
    }
    return "";
}

}   // namespace

std::string SopStatus::toJson() const
{
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("workspace", workspace);
    o.set("period", period);
    o.set("lang", lang == Lang::en ? "en" : "id");
    o.set("nextStep", nextStep);
    o.set("nextPeriodWorkspace", nextPeriodWorkspace);
    Poco::JSON::Array stepsJson;
    for (const SopStep& s : this->steps) {
        Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
        j.set("number", s.number);
        j.set("title", s.title);
        j.set("executor", s.executor);
        j.set("timeStandard", s.timeStandard);
        j.set("state", stepStateName(s.state));
        j.set("detail", s.detail);
        j.set("command", s.command);
        stepsJson.add(j);
    }
    o.set("steps", stepsJson);
    Poco::JSON::Array commandsJson;
    for (const CommandState& c : this->commands) {
        Poco::JSON::Object j(Poco::JSON_PRESERVE_KEY_ORDER);
        j.set("command", c.command);
        j.set("enabled", c.enabled);
        j.set("why", c.why);
        j.set("what", c.what);
        j.set("tooltip", c.tooltip);
        commandsJson.add(j);
    }
    o.set("commands", commandsJson);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string SopStatus::summary() const
{
    const bool en = lang == Lang::en;
    std::ostringstream out;
    out << period << " — " << workspace << '\n';
    for (const SopStep& s : steps) {
        out << (s.number < 10 ? " " : "") << s.number << ". [" << stateWord(s.state, lang) << "] " << s.title << " ("
            << s.executor << ", " << s.timeStandard << ")\n";
        if (!s.detail.empty()) out << "      " << s.detail << '\n';
    }
    if (nextStep > 0)
        out << (en ? "Next step: " : "Langkah berikutnya: ") << nextStep << ". " << steps[nextStep - 1].title << '\n';
    else
        out << (en ? "Every step Evakin does is done.\n" : "Semua langkah yang dikerjakan Evakin sudah selesai.\n");
    if (!nextPeriodWorkspace.empty())
        out << (en ? "Next period: " : "Periode berikutnya: ") << nextPeriodWorkspace << '\n';
    return out.str();
}

}   // namespace evakin
