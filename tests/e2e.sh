#!/bin/sh
echo e2e placeholder
