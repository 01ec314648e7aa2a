#include "io/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace evakin {

unsigned workerCount(std::size_t items, unsigned wanted)
{
    if (wanted == 0) wanted = std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
    return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(wanted, items)));
}

namespace {

// Remembers the first exception of any thread.
class FirstError {
public:
    void capture()
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = std::current_exception();
    }
    bool any()
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        return error_ != nullptr;
    }
    void rethrow()
    {
        if (error_) std::rethrow_exception(error_);
    }

private:
    std::mutex mutex_;
    std::exception_ptr error_;
};

}   // namespace

void forEachParallel(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& work,
                     const std::function<void(std::size_t)>& taken)
{
    std::atomic<std::size_t> next{0};
    FirstError error;
    const auto run = [&](bool caller) {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count || error.any()) return;
            try {
                if (caller && taken) taken(i);
                work(i);
            } catch (...) {
                error.capture();
                return;
            }
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < count; ++t) helpers.emplace_back(run, false);
    run(true);
    for (std::thread& h : helpers) h.join();
    error.rethrow();
}

void bothParallel(unsigned threads, const std::function<void()>& a, const std::function<void()>& b)
{
    if (threads <= 1) {
        a();
        b();
        return;
    }
    FirstError error;
    std::thread other([&] {
        try {
            b();
        } catch (...) {
            error.capture();
        }
    });
    try {
        a();
    } catch (...) {
        error.capture();
    }
    other.join();
    error.rethrow();
}

}   // namespace evakin
