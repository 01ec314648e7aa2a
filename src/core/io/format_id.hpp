// Indonesian formatting: 1.234.567,89; "3 Februari 2020"; Rp amounts.
#pragma once

#include <string>

namespace evakin {

// Number with '.' thousands and ',' decimals; trailing zero decimals dropped up to maxDecimals.
std::string formatNumberId(double value, int maxDecimals = 2);
// "Rp 1.234.567"
std::string formatRupiah(double value);
// ISO date "2026-04-10" -> "10 April 2026"; returns the input unchanged when it is not an ISO date.
std::string formatDateId(const std::string& isoDate);
// "Januari".."Desember" for 1..12
const char* monthNameId(int month);
// "I".."IV" for 1..4
std::string romanNumeral(int n);

}   // namespace evakin
