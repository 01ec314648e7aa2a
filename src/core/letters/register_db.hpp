// Internal to the register: the database session, schema and transactions.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <memory>

#include "letters/register.hpp"

namespace evakin {

constexpr int kRegisterSchemaVersion = 1;

struct Register::Impl {
    RegisterLocation location;
    RegisterSettings settings;
    std::unique_ptr<Poco::Data::Session> session;

    bool pg() const { return location.kind == RegisterLocation::Kind::postgresql; }
    void connect();   // opens the session; Error when the folder or server cannot be used
    void migrate();   // creates or upgrades the schema in one transaction

    // Runs `f` in one write transaction: committed when f returns, rolled back
    // when it throws. Database failures become Error with a clear message.
    template <class F> auto transaction(F&& f) -> decltype(f(*session))
    {
        try {
            begin();
            try {
                auto result = f(*session);
                commit();
                return result;
            } catch (...) {
                rollback();
                throw;
            }
        } catch (const Poco::Exception& e) {
            throw translate(e);
        }
    }
    // A read of one statement needs no explicit transaction (and takes no write lock).
    template <class F> auto read(F&& f) -> decltype(f(*session))
    {
        try {
            return f(*session);
        } catch (const Poco::Exception& e) {
            throw translate(e);
        }
    }

    void begin();
    void commit();
    void rollback() noexcept;
    Error translate(const Poco::Exception& e) const;
};

}   // namespace evakin
