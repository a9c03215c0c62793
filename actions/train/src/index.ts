import * as core from '@actions/core';
import { hello } from '@ml-actions/core';
core.info(hello('x'));
