// Template part of odf_document.hpp.
#pragma once

#include <string>

namespace evakin {

template <class Lookup> void replacePlaceholders(pugi::xml_node node, const Lookup& lookup)
{
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata) {
            std::string text = child.value();
            std::size_t open = text.find('{');
            if (open == std::string::npos) continue;
            std::string out;
            std::size_t pos = 0;
            while (open != std::string::npos) {
                const std::size_t close = text.find('}', open);
                if (close == std::string::npos) break;
                out.append(text, pos, open - pos);
                const std::string key = text.substr(open + 1, close - open - 1);
                std::string value;
                if (lookup(key, value))
                    out += value;
                else
                    out.append(text, open, close - open + 1);   // unknown placeholder stays visible
                pos = close + 1;
                open = text.find('{', pos);
            }
            out.append(text, pos, std::string::npos);
            child.set_value(out.c_str());
        } else {
            replacePlaceholders(child, lookup);
        }
    }
}

}   // namespace evakin
