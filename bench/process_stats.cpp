// The project's one file with POSIX calls: the benchmarks' resource usage
// (getrusage has no Poco or standard-library counterpart for peak memory).
#include "process_stats.hpp"

#include <sys/resource.h>

namespace evakin::bench {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

}   // namespace evakin::bench
