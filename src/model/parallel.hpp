// Work on every core: a whole code is tens of thousands of independent sections.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace amend {

// Threads to use: the machine's cores, at most 8.
inline unsigned worker_count() {
    unsigned hw = std::thread::hardware_concurrency();
    return std::clamp(hw == 0 ? 1u : hw, 1u, 8u);
}

// Runs body(i) for every i in [0, n), on up to worker_count() threads (the calling one
// included), each taking the next index from a shared counter. The first exception stops the
// others from taking more and is rethrown here.
template <class Body>
void parallel_for(std::size_t n, Body body) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (std::size_t i; (i = next.fetch_add(1)) < n;) body(i);
        } catch (...) {
            std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < worker_count() && t < n; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

// The same, each thread taking `batch` consecutive indexes at a time (small bodies: sections of a
// code, chunks of a file), body(i) still called once per index.
template <class Body>
void parallel_for(std::size_t n, std::size_t batch, Body body) {
    parallel_for((n + batch - 1) / batch, [&](std::size_t b) {
        for (std::size_t i = b * batch; i < std::min(n, (b + 1) * batch); ++i) body(i);
    });
}

}  // namespace amend
