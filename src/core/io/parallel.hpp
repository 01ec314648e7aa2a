// Independent work spread over a few threads. Used where the work items share
// nothing but read-only inputs (returned files, output documents), so that a
// two-core office PC collects in about half the time.
#pragma once

#include <cstddef>
#include <functional>

namespace evakin {

// The number of threads for `items` independent pieces of work: at most
// `wanted` (0: the machine's cores, capped at 4 because each thread holds one
// workbook in memory), at least 1, never more than there are items.
unsigned workerCount(std::size_t items, unsigned wanted = 0);

// Runs work(i) for every i in [0, count) on `threads` threads, the calling
// thread among them. Items are taken in order; `taken(i)` runs on the calling
// thread only (progress reports into a UI are made there), as it takes item i.
// The first exception thrown by any work(i) is rethrown here after every
// thread has stopped.
void forEachParallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work,
                     const std::function<void(std::size_t)>& taken = {});

// Runs a() and b() at the same time (b on another thread when threads > 1)
// and returns when both are done; rethrows the first exception.
void bothParallel(unsigned threads, const std::function<void()>& a, const std::function<void()>& b);

}   // namespace evakin
