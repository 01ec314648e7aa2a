// How wide a text comes out on paper, estimated without a layout engine, so
// that Evakin can size table columns to their longest value instead of
// letting LibreOffice show "###" or break an amount or a code inside a cell.
#pragma once

#include <string_view>

namespace evakin {

// Width in centimetres of `text` on one line at `points` in Liberation Sans
// (Arial's metrics), with a margin for a wider fallback font, so that no
// layout depends on one font's exact widths.
double textWidthCm(std::string_view text, double points, bool bold = false);

// The widest of the text's words (split at spaces): the least width a cell
// needs so that no word breaks inside.
double longestWordCm(std::string_view text, double points, bool bold = false);

}   // namespace evakin
