/**
 * The order of child elements in the MSPDI schema (`xsd:sequence`), for the elements Tandem writes and
 * their neighbours. Sources: the Project 2007 schema (mspdi_pj12.xsd, as published by Microsoft), MPXJ's
 * schema classes for the 2010+ additions (`Active`, `Manual`, `WorkWeeks`), and the files MS Project
 * 2007–2019 saved (MPXJ's test data) for where those additions sit: `ManualStart`, `ManualFinish` and
 * `ManualDuration` follow `Duration`, as MS Project writes them.
 *
 * MS Project 2016+ itself writes a few elements out of this order (`IsPublished`/`CommitmentType` before
 * `Baseline`, `Month` before `MonthItem`); Tandem never writes those together, and its readers do not
 * depend on order.
 */

// prettier-ignore
export const PROJECT_ORDER = [
  'SaveVersion', 'UID', 'Name', 'Title', 'Subject', 'Category', 'Company', 'Manager', 'Author',
  'CreationDate', 'Revision', 'LastSaved', 'ScheduleFromStart', 'StartDate', 'FinishDate', 'FYStartDate',
  'CriticalSlackLimit', 'CurrencyDigits', 'CurrencySymbol', 'CurrencyCode', 'CurrencySymbolPosition',
  'CalendarUID', 'DefaultStartTime', 'DefaultFinishTime', 'MinutesPerDay', 'MinutesPerWeek', 'DaysPerMonth',
  'DefaultTaskType', 'DefaultFixedCostAccrual', 'DefaultStandardRate', 'DefaultOvertimeRate', 'DurationFormat',
  'WorkFormat', 'EditableActualCosts', 'HonorConstraints', 'EarnedValueMethod', 'InsertedProjectsLikeSummary',
  'MultipleCriticalPaths', 'NewTasksEffortDriven', 'NewTasksEstimated', 'SplitsInProgressTasks',
  'SpreadActualCost', 'SpreadPercentComplete', 'TaskUpdatesResource', 'FiscalYearStart', 'WeekStartDay',
  'MoveCompletedEndsBack', 'MoveRemainingStartsBack', 'MoveRemainingStartsForward', 'MoveCompletedEndsForward',
  'BaselineForEarnedValue', 'AutoAddNewResourcesAndTasks', 'StatusDate', 'CurrentDate',
  'MicrosoftProjectServerURL', 'Autolink', 'NewTaskStartDate', 'NewTasksAreManual', 'DefaultTaskEVMethod',
  'ProjectExternallyEdited', 'ExtendedCreationDate', 'ActualsInSync', 'RemoveFileProperties', 'AdminProject',
  'OutlineCodes', 'WBSMasks', 'ExtendedAttributes', 'Calendars', 'Tasks', 'Resources', 'Assignments',
] as const;

// prettier-ignore
export const CALENDAR_ORDER = [
  'UID', 'GUID', 'Name', 'IsBaseCalendar', 'IsBaselineCalendar', 'BaseCalendarUID', 'WeekDays', 'Exceptions',
  'WorkWeeks',
] as const;

// prettier-ignore
export const WEEK_DAY_ORDER = ['DayType', 'DayWorking', 'TimePeriod', 'WorkingTimes'] as const;
// prettier-ignore
export const TIME_PERIOD_ORDER = ['FromDate', 'ToDate'] as const;
// prettier-ignore
export const WORKING_TIME_ORDER = ['FromTime', 'ToTime'] as const;

// prettier-ignore
export const EXCEPTION_ORDER = [
  'EnteredByOccurrences', 'TimePeriod', 'Occurrences', 'Name', 'Type', 'Period', 'DaysOfWeek', 'MonthItem',
  'MonthPosition', 'Month', 'MonthDay', 'DayWorking', 'WorkingTimes',
] as const;

// prettier-ignore
export const WORK_WEEK_ORDER = ['TimePeriod', 'Name', 'WeekDays'] as const;

// prettier-ignore
export const TASK_ORDER = [
  'UID', 'GUID', 'ID', 'Name', 'Active', 'Manual', 'Type', 'IsNull', 'CreateDate', 'Contact', 'WBS', 'WBSLevel',
  'OutlineNumber', 'OutlineLevel', 'Priority', 'Start', 'Finish', 'Duration', 'ManualStart', 'ManualFinish',
  'ManualDuration', 'DurationFormat', 'Work', 'Stop', 'Resume', 'ResumeValid', 'EffortDriven', 'Recurring',
  'OverAllocated', 'Estimated', 'Milestone', 'Summary', 'DisplayAsSummary', 'Critical', 'IsSubproject',
  'IsSubprojectReadOnly', 'SubprojectName', 'ExternalTask', 'ExternalTaskProject', 'EarlyStart', 'EarlyFinish',
  'LateStart', 'LateFinish', 'StartVariance', 'FinishVariance', 'WorkVariance', 'FreeSlack', 'TotalSlack',
  'StartSlack', 'FinishSlack', 'FixedCost', 'FixedCostAccrual', 'PercentComplete', 'PercentWorkComplete', 'Cost',
  'OvertimeCost', 'OvertimeWork', 'ActualStart', 'ActualFinish', 'ActualDuration', 'ActualCost',
  'ActualOvertimeCost', 'ActualWork', 'ActualOvertimeWork', 'RegularWork', 'RemainingDuration', 'RemainingCost',
  'RemainingWork', 'RemainingOvertimeCost', 'RemainingOvertimeWork', 'ACWP', 'CV', 'ConstraintType',
  'CalendarUID', 'ConstraintDate', 'Deadline', 'LevelAssignments', 'LevelingCanSplit', 'LevelingDelay',
  'LevelingDelayFormat', 'PreLeveledStart', 'PreLeveledFinish', 'Hyperlink', 'HyperlinkAddress',
  'HyperlinkSubAddress', 'IgnoreResourceCalendar', 'Notes', 'HideBar', 'Rollup', 'BCWS', 'BCWP',
  'PhysicalPercentComplete', 'EarnedValueMethod', 'PredecessorLink', 'ActualWorkProtected',
  'ActualOvertimeWorkProtected', 'ExtendedAttribute', 'Baseline', 'OutlineCode', 'IsPublished', 'StatusManager',
  'CommitmentStart', 'CommitmentFinish', 'CommitmentType', 'TimephasedData',
] as const;

// prettier-ignore
export const PREDECESSOR_LINK_ORDER = [
  'PredecessorUID', 'Type', 'CrossProject', 'CrossProjectName', 'LinkLag', 'LagFormat',
] as const;

// prettier-ignore
export const TASK_BASELINE_ORDER = [
  'TimephasedData', 'Number', 'Interim', 'Start', 'Finish', 'Duration', 'DurationFormat', 'EstimatedDuration',
  'Work', 'Cost', 'BCWS', 'BCWP', 'FixedCost',
] as const;

// prettier-ignore
export const RESOURCE_ORDER = [
  'UID', 'GUID', 'ID', 'Name', 'Type', 'IsNull', 'Initials', 'Phonetics', 'NTAccount', 'MaterialLabel', 'Code',
  'Group', 'WorkGroup', 'EmailAddress', 'Hyperlink', 'HyperlinkAddress', 'HyperlinkSubAddress', 'MaxUnits',
  'PeakUnits', 'OverAllocated', 'AvailableFrom', 'AvailableTo', 'Start', 'Finish', 'CanLevel', 'AccrueAt',
  'Work', 'RegularWork', 'OvertimeWork', 'ActualWork', 'RemainingWork', 'ActualOvertimeWork',
  'RemainingOvertimeWork', 'PercentWorkComplete', 'StandardRate', 'StandardRateFormat', 'Cost', 'OvertimeRate',
  'OvertimeRateFormat', 'OvertimeCost', 'CostPerUse', 'ActualCost', 'ActualOvertimeCost', 'RemainingCost',
  'RemainingOvertimeCost', 'WorkVariance', 'CostVariance', 'SV', 'CV', 'ACWP', 'CalendarUID', 'Notes', 'BCWS',
  'BCWP', 'IsGeneric', 'IsInactive', 'IsEnterprise', 'BookingType', 'ActualWorkProtected',
  'ActualOvertimeWorkProtected', 'ActiveDirectoryGUID', 'CreationDate', 'ExtendedAttribute', 'Baseline',
  'OutlineCode', 'IsCostResource', 'AssnOwner', 'AssnOwnerGuid', 'IsBudget', 'AvailabilityPeriods', 'Rates',
  'TimephasedData',
] as const;

// prettier-ignore
export const ASSIGNMENT_ORDER = [
  'UID', 'GUID', 'TaskUID', 'ResourceUID', 'PercentWorkComplete', 'ActualCost', 'ActualFinish',
  'ActualOvertimeCost', 'ActualOvertimeWork', 'ActualStart', 'ActualWork', 'ACWP', 'Confirmed', 'Cost',
  'CostRateTable', 'RateScale', 'CostVariance', 'CV', 'Delay', 'Finish', 'FinishVariance', 'WorkVariance',
  'HasFixedRateUnits', 'FixedMaterial', 'LevelingDelay', 'LevelingDelayFormat', 'LinkedFields', 'Milestone',
  'Overallocated', 'OvertimeCost', 'OvertimeWork', 'RegularWork', 'RemainingCost', 'RemainingOvertimeCost',
  'RemainingOvertimeWork', 'RemainingWork', 'ResponsePending', 'Start', 'Stop', 'Resume', 'StartVariance',
  'Units', 'UpdateNeeded', 'VAC', 'Work', 'WorkContour', 'BCWS', 'BCWP', 'BookingType', 'CreationDate',
  'BudgetCost', 'BudgetWork', 'ExtendedAttribute', 'Baseline', 'TimephasedData',
] as const;

/** Every sequence by its element's name, for checking a document's order. */
export const SCHEMA_ORDER: Readonly<Record<string, readonly string[]>> = {
  Project: PROJECT_ORDER,
  Calendar: CALENDAR_ORDER,
  WeekDay: WEEK_DAY_ORDER,
  TimePeriod: TIME_PERIOD_ORDER,
  WorkingTime: WORKING_TIME_ORDER,
  Exception: EXCEPTION_ORDER,
  WorkWeek: WORK_WEEK_ORDER,
  Task: TASK_ORDER,
  PredecessorLink: PREDECESSOR_LINK_ORDER,
  Baseline: TASK_BASELINE_ORDER,
  Resource: RESOURCE_ORDER,
  Assignment: ASSIGNMENT_ORDER,
};
