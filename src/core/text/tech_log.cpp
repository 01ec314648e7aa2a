#include "text/tech_log.hpp"

#include <Poco/Environment.h>

#include <iostream>
#include <mutex>

namespace evakin {

void logTechnicalDetail(const std::string& where, const std::string& detail)
{
    const std::string verbose = Poco::Environment::get("EVAKIN_VERBOSE", "");
    if (verbose.empty() || verbose == "0") return;
    static std::mutex mutex;   // collect reads files on several threads
    const std::lock_guard<std::mutex> lock(mutex);
    std::cerr << "evakin: " << where << ": " << detail << '\n';
}

}   // namespace evakin
