#include "text/text_width.hpp"

#include <algorithm>

namespace evakin {

namespace {

// Advance widths in 1/1000 em of Liberation Sans Regular for printable ASCII
// (32..126); characters beyond ASCII count as a wide letter.
constexpr short kRegular[95] = {
    278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,   // space ../
    556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,   // 0-9 : ; < = > ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,   // @ A-O
    667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,   // P-Z [ \ ] ^ _
    333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,   // ` a-o
    556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};       // p-z { | } ~

// Bold letters are about 6% wider; digits and punctuation keep their widths.
constexpr double kBoldFactor = 1.06;
// Room for a fallback font (DejaVu Sans is some 10% wider than Liberation Sans).
constexpr double kFallbackMargin = 1.12;
constexpr double kCmPerPoint = 2.54 / 72.0;

}   // namespace

double textWidthCm(std::string_view text, double points, bool bold)
{
    double units = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 && c < 0xC0) continue;   // UTF-8 continuation byte: counted with its lead byte
        units += c >= 32 && c < 127 ? kRegular[c - 32] : 667;
    }
    if (bold) units *= kBoldFactor;
    return units / 1000.0 * points * kCmPerPoint * kFallbackMargin;
}

double longestWordCm(std::string_view text, double points, bool bold)
{
    double widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(" \n\t", start);
        if (end == std::string_view::npos) end = text.size();
        widest = std::max(widest, textWidthCm(text.substr(start, end - start), points, bold));
        start = end + 1;
    }
    return widest;
}

}   // namespace evakin
