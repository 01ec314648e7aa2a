# evakin.oxt: the LibreOffice extension package.
#
#   evakin_add_oxt(COMPONENT <target> RDB <types.rdb> OUTPUT <file.oxt>)
#
# Adds the target `evakin_oxt` (built by default) whose OXT_FILE property is
# the package path. The package holds extension/ (description, manifest,
# registry .xcs/.xcu, .components), the icons drawn at build time, the types
# rdb, the component and the shared libraries it needs that a stock LibreOffice
# lacks (found with ldd, RUNPATH set to $ORIGIN; see PackageOxt.cmake).

set(EVAKIN_SYSTEM_PYTHON /usr/bin/python3 CACHE FILEPATH
  "Debian's python3 (python3-uno works with it, not with other interpreters on PATH)")
find_program(EVAKIN_PATCHELF patchelf)
if(NOT EVAKIN_PATCHELF)
  message(FATAL_ERROR "patchelf not found: run scripts/setup-deps.sh (the .oxt's bundled libraries need RUNPATH $ORIGIN)")
endif()

function(evakin_add_oxt)
  cmake_parse_arguments(ARG "" "COMPONENT;RDB;OUTPUT" "" ${ARGN})
  set(src ${PROJECT_SOURCE_DIR}/extension)
  set(bin ${CMAKE_BINARY_DIR}/extension)

  # Only substitutes the version; nothing is generated from the SDK here.
  configure_file(${src}/description.xml.in ${bin}/description.xml @ONLY)

  # One pair per toolbar button (Addons.xcu) and the sidebar deck (steps, Sidebar.xcu),
  # keep in step with ICONS in make-icons.py.
  set(icons ${bin}/icons/evakin_42.png)
  foreach(name workspace distribute collect report letter invitation register nextperiod profile
          steps)
    list(APPEND icons ${bin}/icons/${name}_16.png ${bin}/icons/${name}_26.png)
  endforeach()
  add_custom_command(
    OUTPUT ${icons}
    COMMAND ${EVAKIN_SYSTEM_PYTHON} ${src}/icons/make-icons.py ${bin}/icons
    DEPENDS ${src}/icons/make-icons.py
    COMMENT "Drawing the toolbar icons"
    VERBATIM)

  file(GLOB_RECURSE ext_files CONFIGURE_DEPENDS
    ${src}/META-INF/* ${src}/registry/* ${src}/description/* ${src}/help/* ${src}/*.components)
  add_custom_command(
    OUTPUT ${ARG_OUTPUT}
    COMMAND ${CMAKE_COMMAND}
      -DSTAGE=${bin}/stage
      -DOXT=${ARG_OUTPUT}
      -DEXT_SRC=${src}
      -DDESCRIPTION=${bin}/description.xml
      -DICONS_DIR=${bin}/icons
      -DCOMPONENT=$<TARGET_FILE:${ARG_COMPONENT}>
      -DRDB=${ARG_RDB}
      -DLO_PROGRAM_DIR=${LO_PROGRAM_DIR}
      -DPATCHELF=${EVAKIN_PATCHELF}
      -DSTRIP=${CMAKE_STRIP}
      -P ${PROJECT_SOURCE_DIR}/cmake/PackageOxt.cmake
    DEPENDS ${ARG_COMPONENT} ${ARG_RDB} ${icons} ${ext_files} ${bin}/description.xml
            ${PROJECT_SOURCE_DIR}/cmake/PackageOxt.cmake
    COMMENT "Packaging ${ARG_OUTPUT}"
    VERBATIM)
  add_custom_target(evakin_oxt ALL DEPENDS ${ARG_OUTPUT})
  set_target_properties(evakin_oxt PROPERTIES OXT_FILE ${ARG_OUTPUT})
endfunction()
