cmake_minimum_required(VERSION 3.25)
# Stages and zips evakin.oxt (run at build time: cmake -D... -P PackageOxt.cmake).
#
# Self-containment: every library the component needs is either part of a
# stock LibreOffice (its program dir, or a library soffice.bin/libmergedlo.so
# load themselves, which covers glibc, libstdc++, zlib, expat, ...) or is
# copied next to the component. The copies get RUNPATH $ORIGIN so they find
# each other (e.g. libPocoFoundation -> libpcre.so.3) inside the extension.

foreach(v STAGE OXT EXT_SRC DESCRIPTION ICONS_DIR COMPONENT RDB LO_PROGRAM_DIR PATCHELF)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "PackageOxt.cmake: ${v} not set")
  endif()
endforeach()

# ldd output as a list of "soname=path" (path "not found" when unresolved).
function(ldd_deps file out)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${LO_PROGRAM_DIR} ldd ${file}
    OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "ldd ${file} failed")
  endif()
  string(REPLACE "\n" ";" lines "${text}")
  set(deps "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*([^ \t]+) => (not found|[^ \t]+)")
      list(APPEND deps "${CMAKE_MATCH_1}=${CMAKE_MATCH_2}")
    endif()
  endforeach()
  set(${out} ${deps} PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${STAGE})
file(MAKE_DIRECTORY ${STAGE}/icons)
file(COPY ${EXT_SRC}/META-INF ${EXT_SRC}/description ${EXT_SRC}/registry ${EXT_SRC}/help ${EXT_SRC}/evakin.components
     ${DESCRIPTION} ${RDB}
     DESTINATION ${STAGE})
file(GLOB icons ${ICONS_DIR}/*.png)
file(COPY ${icons} DESTINATION ${STAGE}/icons)
file(COPY_FILE ${COMPONENT} ${STAGE}/evakin.uno.so)
if(STRIP)
  execute_process(COMMAND ${STRIP} --strip-debug ${STAGE}/evakin.uno.so COMMAND_ERROR_IS_FATAL ANY)
endif()

# What a stock LibreOffice already loads.
set(stock "")
foreach(f ${LO_PROGRAM_DIR}/soffice.bin ${LO_PROGRAM_DIR}/libmergedlo.so)
  if(EXISTS ${f})
    ldd_deps(${f} deps)
    foreach(d IN LISTS deps)
      string(REGEX REPLACE "=.*" "" soname "${d}")
      list(APPEND stock ${soname})
    endforeach()
  endif()
endforeach()
if(NOT stock)
  message(FATAL_ERROR "cannot list the libraries of LibreOffice in ${LO_PROGRAM_DIR}")
endif()

ldd_deps(${COMPONENT} deps)
set(bundled "")
foreach(d IN LISTS deps)
  string(REGEX REPLACE "=.*" "" soname "${d}")
  string(REGEX REPLACE "^[^=]*=" "" path "${d}")
  if(path STREQUAL "not found")
    message(FATAL_ERROR "${COMPONENT} needs ${soname}, which ldd cannot find")
  endif()
  if(path MATCHES "^${LO_PROGRAM_DIR}/" OR soname IN_LIST stock)
    continue()
  endif()
  file(REAL_PATH ${path} real)
  file(COPY_FILE ${real} ${STAGE}/${soname})
  execute_process(COMMAND ${PATCHELF} --set-rpath $ORIGIN ${STAGE}/${soname} COMMAND_ERROR_IS_FATAL ANY)
  list(APPEND bundled ${soname})
endforeach()
list(JOIN bundled " " bundled_text)
message(STATUS "evakin.oxt bundles: ${bundled_text}")

# The component itself must look beside itself first.
execute_process(COMMAND readelf -d ${STAGE}/evakin.uno.so OUTPUT_VARIABLE dyn COMMAND_ERROR_IS_FATAL ANY)
if(NOT dyn MATCHES "RUNPATH\\)[^\n]*\\[\\$ORIGIN")
  message(FATAL_ERROR "evakin.uno.so lacks RUNPATH $ORIGIN")
endif()

file(GLOB_RECURSE files RELATIVE ${STAGE} ${STAGE}/*)
list(SORT files)
execute_process(
  COMMAND ${CMAKE_COMMAND} -E tar cf ${OXT}.tmp --format=zip "--mtime=2000-01-01 00:00:00Z" ${files}
  WORKING_DIRECTORY ${STAGE}
  COMMAND_ERROR_IS_FATAL ANY)
file(RENAME ${OXT}.tmp ${OXT})
