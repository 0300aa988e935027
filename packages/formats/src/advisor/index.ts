// The staffing advisor's profile files and request bodies, validated.
export * from './advisor-profile.ts';
