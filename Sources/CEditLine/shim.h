#ifndef CASEFILE_CEDITLINE_SHIM_H
#define CASEFILE_CEDITLINE_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
