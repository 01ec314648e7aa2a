// Poco::Zip::Compress writes local entries in the order they are added but
// its central directory in name order (it keeps entries in a std::map), so
// "META-INF/manifest.xml" would be listed before "mimetype". ODF requires
// mimetype to be the first entry, and readers (and the ODF validator) take
// the central directory's order. This moves one record to the front of the
// central directory; everything else Poco wrote stays as it is.
#pragma once

#include <string>

namespace evakin {

// Rewrites `zip` (a complete archive without archive comment, as Poco writes
// it) so that the central-directory record named `name` comes first.
// Returns false (zip unchanged) when the archive is not laid out as expected.
bool moveCentralDirectoryEntryFirst(std::string& zip, const std::string& name);

}   // namespace evakin
