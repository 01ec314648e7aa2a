# The LibreOffice SDK (Debian 12: libreoffice-dev, LibreOffice 7.4) for the
# extension's component.
#
# Provides
#   LibreOffice::UNO                 imported interface target: URE libraries,
#                                    base UNO headers, CPPU_ENV and platform defines
#   evakin_uno_office_headers(<tgt>) build-time cppumaker run for the office API
#                                    (types.rdb + types/offapi.rdb); <tgt> gets the
#                                    generated headers as SYSTEM includes
#   evakin_uno_idl(<tgt> RDB <out.rdb> IDL_ROOT <dir>)
#                                    build-time unoidl-write of our IDL tree into
#                                    <out.rdb>, then cppumaker of its types
#
# Nothing is generated at configure time and nothing generated is committed:
# all of it lives under ${CMAKE_BINARY_DIR}/uno.

set(LO_PROGRAM_DIR /usr/lib/libreoffice/program CACHE PATH "LibreOffice program directory (URE libraries, types.rdb)")
set(LO_SDK_DIR /usr/lib/libreoffice/sdk CACHE PATH "LibreOffice SDK directory")

find_path(LO_INCLUDE_DIR sal/config.h
  PATHS /usr/include/libreoffice ${LO_SDK_DIR}/include NO_DEFAULT_PATH)
# The SDK's bin/ holds shell wrappers that put the program dir on
# LD_LIBRARY_PATH and run the real *.bin tools.
find_program(LO_CPPUMAKER cppumaker PATHS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH)
find_program(LO_UNOIDL_WRITE unoidl-write PATHS ${LO_SDK_DIR}/bin NO_DEFAULT_PATH)
set(LO_TYPES_RDB ${LO_PROGRAM_DIR}/types.rdb)
set(LO_OFFAPI_RDB ${LO_PROGRAM_DIR}/types/offapi.rdb)

foreach(lib sal cppu cppuhelpergcc3)
  string(TOUPPER ${lib} LIBVAR)
  find_library(LO_UNO_${LIBVAR}_LIBRARY NAMES uno_${lib} libuno_${lib}.so.3
    PATHS ${LO_SDK_DIR}/lib ${LO_PROGRAM_DIR} NO_DEFAULT_PATH)
  list(APPEND _lo_uno_libs ${LO_UNO_${LIBVAR}_LIBRARY})
endforeach()

set(_lo_missing "")
foreach(v LO_INCLUDE_DIR LO_CPPUMAKER LO_UNOIDL_WRITE LO_UNO_SAL_LIBRARY LO_UNO_CPPU_LIBRARY LO_UNO_CPPUHELPERGCC3_LIBRARY)
  if(NOT ${v})
    list(APPEND _lo_missing ${v})
  endif()
endforeach()
foreach(f ${LO_TYPES_RDB} ${LO_OFFAPI_RDB})
  if(NOT EXISTS ${f})
    list(APPEND _lo_missing ${f})
  endif()
endforeach()
if(_lo_missing)
  message(FATAL_ERROR "LibreOffice SDK not found (${_lo_missing}). "
    "Install it with scripts/setup-deps.sh, or configure with -DEVAKIN_BUILD_EXTENSION=OFF.")
endif()

if(NOT TARGET LibreOffice::UNO)
  add_library(LibreOffice::UNO INTERFACE IMPORTED)
  set_target_properties(LibreOffice::UNO PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${LO_INCLUDE_DIR}"
    INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${LO_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "UNX;GCC;LINUX;CPPU_ENV=gcc3"
    INTERFACE_LINK_LIBRARIES "${_lo_uno_libs}")
endif()

set(EVAKIN_UNO_GEN_DIR ${CMAKE_BINARY_DIR}/uno)

# cppumaker over the office API, once per build tree (about 1 s, 3,300 headers).
function(evakin_uno_office_headers target)
  set(dir ${EVAKIN_UNO_GEN_DIR}/office-include)
  set(stamp ${EVAKIN_UNO_GEN_DIR}/office-include.stamp)
  if(NOT TARGET evakin_uno_office_headers)
    add_custom_command(
      OUTPUT ${stamp}
      COMMAND ${CMAKE_COMMAND} -E rm -rf ${dir}
      COMMAND ${LO_CPPUMAKER} -Gc -O${dir} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
      COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
      DEPENDS ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
      COMMENT "cppumaker: LibreOffice API headers"
      VERBATIM)
    add_custom_target(evakin_uno_office_headers DEPENDS ${stamp})
  endif()
  add_dependencies(${target} evakin_uno_office_headers)
  target_include_directories(${target} SYSTEM PRIVATE ${dir})
endfunction()

# Our own IDL: unoidl-write of the whole tree under IDL_ROOT (folders mirror
# the module path), then cppumaker of exactly the types in that rdb (the office
# registries are passed with -X: referenced, not generated again).
function(evakin_uno_idl target)
  cmake_parse_arguments(ARG "" "RDB;IDL_ROOT" "" ${ARGN})
  file(GLOB_RECURSE idl_files CONFIGURE_DEPENDS ${ARG_IDL_ROOT}/*.idl)
  set(dir ${EVAKIN_UNO_GEN_DIR}/own-include)
  set(stamp ${EVAKIN_UNO_GEN_DIR}/own-include.stamp)
  # One header per IDL file (named like it): declared, so that a changed IDL
  # recompiles its users in the same build.
  set(headers "")
  foreach(idl IN LISTS idl_files)
    file(RELATIVE_PATH rel ${ARG_IDL_ROOT} ${idl})
    string(REGEX REPLACE "\\.idl$" ".hpp" rel "${rel}")
    list(APPEND headers ${dir}/${rel})
  endforeach()
  add_custom_command(
    OUTPUT ${ARG_RDB} ${stamp} ${headers}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${dir}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}
    COMMAND ${LO_UNOIDL_WRITE} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB} ${ARG_IDL_ROOT} ${ARG_RDB}
    COMMAND ${LO_CPPUMAKER} -Gc -O${dir} ${ARG_RDB} -X${LO_TYPES_RDB} -X${LO_OFFAPI_RDB}
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    DEPENDS ${idl_files} ${LO_TYPES_RDB} ${LO_OFFAPI_RDB}
    COMMENT "unoidl-write + cppumaker: Evakin API"
    VERBATIM)
  add_custom_target(${target}_idl DEPENDS ${ARG_RDB} ${stamp})
  add_dependencies(${target} ${target}_idl)
  target_include_directories(${target} SYSTEM PRIVATE ${dir})
endfunction()
