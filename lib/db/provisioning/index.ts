export { provisioningBuckets, provisioningTotal, recentProvisioning, type ProvisioningBucket, type ProvisioningCounts } from './hours';
export { deleteProvisioningHoursBefore, deleteProvisioningLogBefore } from './retention';
