// Internal: one correction as koreksi.json and hasil/evaluasi.json both list it,
// {"unit","row","triwulan","oldK","newK","oldRp","newRp","reason","by","at"},
// oldK/newK (or oldRp/newRp) present only when the correction set that value.
#pragma once

#include <Poco/JSON/Object.h>

#include "collect/corrections.hpp"
#include "io/json.hpp"

namespace evakin {

// The correction at `path` ("corrections[3]") of `file`, the `index`-th (from 0) in its list; throws Error
// naming the member when "unit", "row" or "triwulan" is missing or a value is of the wrong kind.
Correction correctionFromJson(const JsonFile& file, const Poco::JSON::Object::Ptr& o, const std::string& path,
                              std::size_t index);

}   // namespace evakin
