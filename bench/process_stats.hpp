// CPU time and peak memory of this process, for the benchmarks' tables.
#pragma once

namespace evakin::bench {

double cpuSeconds();   // user + system time so far
long peakRssKb();      // peak resident set size

}   // namespace evakin::bench
