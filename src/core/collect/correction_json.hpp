// Internal: one correction as koreksi.json and hasil/evaluasi.json both list it,
// {"unit","row","triwulan","oldK","newK","oldRp","newRp","reason","by","at"},
// oldK/newK (or oldRp/newRp) present only when the correction set that value.
#pragma once

#include <Poco/JSON/Object.h>

#include "collect/corrections.hpp"

namespace evakin {

// Throws Poco::Exception when "unit", "row" or "triwulan" is missing or of the wrong type:
// each reader words that as its file being damaged.
Correction correctionFromJson(const Poco::JSON::Object::Ptr& o);

}   // namespace evakin
