// The small thread helpers collect uses: every item exactly once, progress on
// the calling thread, the first error rethrown after all threads stopped.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "io/parallel.hpp"

using namespace evakin;

TEST_CASE("forEachParallel does every item once and reports progress on the calling thread", "[parallel]")
{
    for (unsigned threads : {1u, 2u, 4u}) {
        std::vector<std::atomic<int>> done(1000);
        const auto caller = std::this_thread::get_id();
        bool progressElsewhere = false;
        std::size_t lastTaken = 0;
        bool inOrder = true;
        forEachParallel(
            done.size(), threads, [&](std::size_t i) { ++done[i]; },
            [&](std::size_t i) {
                progressElsewhere |= std::this_thread::get_id() != caller;
                inOrder &= i >= lastTaken;
                lastTaken = i;
            });
        for (const auto& d : done) CHECK(d == 1);
        CHECK_FALSE(progressElsewhere);
        CHECK(inOrder);
    }
}

TEST_CASE("an error in any thread is rethrown once all threads have stopped", "[parallel]")
{
    std::atomic<int> running{0};
    const auto work = [&](std::size_t i) {
        ++running;
        if (i == 7) {
            --running;
            throw std::runtime_error("item 7");
        }
        --running;
    };
    CHECK_THROWS_WITH(forEachParallel(100, 3, work), "item 7");
    CHECK(running == 0);
    CHECK_THROWS_WITH(bothParallel(
                          2, [] {}, [] { throw std::runtime_error("b"); }),
                      "b");
    CHECK_THROWS_WITH(bothParallel(
                          1, [] { throw std::runtime_error("a"); }, [] {}),
                      "a");
    int a = 0, b = 0;
    bothParallel(
        2, [&] { a = 1; }, [&] { b = 2; });   // both done (and joined) when it returns
    CHECK(a + b == 3);
}

TEST_CASE("workerCount stays within the items and the cap", "[parallel]")
{
    CHECK(workerCount(0) == 1);
    CHECK(workerCount(1) == 1);
    CHECK(workerCount(100, 2) == 2);
    CHECK(workerCount(3, 8) == 3);
    CHECK(workerCount(1000) >= 1);
    CHECK(workerCount(1000) <= 4);
}
