import { describe, expect, it } from 'vitest';
import {
  currentStageVersion,
  nextStageCounter,
  parseCanarySteps,
  parseStageTag,
  validateStageName,
} from '../src/rollout/index.ts';

describe('canary steps', () => {
  it('read increasing whole percentages ending at 100', () => {
    expect(parseCanarySteps('10,25,50,100')).toEqual([10, 25, 50, 100]);
    expect(parseCanarySteps(' 5% 100% ')).toEqual([5, 100]);
    expect(parseCanarySteps('100')).toEqual([100]);
  });

  it('refuse the rest, naming the input and the value at fault', () => {
    expect(() => parseCanarySteps('')).toThrow('input "steps" is empty');
    expect(() => parseCanarySteps('10,0,100')).toThrow('input "steps": "0" is not a whole percentage from 1 to 100');
    expect(() => parseCanarySteps('10,12.5,100')).toThrow('"12.5" is not a whole percentage');
    expect(() => parseCanarySteps('50,50,100')).toThrow('the steps must increase, but 50 follows 50');
    expect(() => parseCanarySteps('10,50')).toThrow('the last step must be 100');
  });
});

describe('GTO stage tags', () => {
  it('are read as GTO writes them, and no other tag is taken for one', () => {
    expect(parseStageTag('churn#prod#3', 'churn')).toEqual({
      tag: 'churn#prod#3',
      stage: 'prod',
      counter: 3,
      unassign: false,
    });
    expect(parseStageTag('churn#prod!#4', 'churn')).toMatchObject({ stage: 'prod', counter: 4, unassign: true });
    expect(parseStageTag('churn#team/prod#12', 'churn')).toMatchObject({ stage: 'team/prod', counter: 12 });
    expect(parseStageTag('churn@v1.0.0', 'churn')).toBeUndefined();
    expect(parseStageTag('churn-x#prod#1', 'churn')).toBeUndefined();
    expect(parseStageTag('churn#prod', 'churn')).toBeUndefined();
  });

  it("count on from the artifact's highest counter, over every stage", () => {
    expect(nextStageCounter([], 'churn')).toBe(1);
    expect(nextStageCounter(['churn#staging#2', 'churn#prod!#7', 'fraud#prod#40', 'churn@v1.0.0'], 'churn')).toBe(8);
  });

  it('put a stage at the last assignment no later event took back', () => {
    const events = [
      { ...parseStageTag('m#prod#1', 'm')!, version: '1.0.0' },
      { ...parseStageTag('m#staging#2', 'm')!, version: '1.1.0' },
      { ...parseStageTag('m#prod#3', 'm')!, version: '1.1.0' },
      { ...parseStageTag('m#prod!#4', 'm')!, version: '1.1.0' },
    ];
    expect(currentStageVersion(events, 'prod')).toBe('1.0.0');
    expect(currentStageVersion(events.slice(0, 3), 'prod')).toBe('1.1.0');
    expect(currentStageVersion(events, 'staging')).toBe('1.1.0');
    expect(currentStageVersion(events, 'dev')).toBeUndefined();
  });

  it('refuse stage names GTO refuses', () => {
    expect(validateStageName('production')).toBe('production');
    expect(() => validateStageName('pre prod')).toThrow('is not a stage name GTO accepts');
    expect(() => validateStageName('-prod')).toThrow('is not a stage name GTO accepts');
  });
});
