/** What Keel shows and serves of a capacity resource: a small DTO, never the row. Pure. */
import type { TemplateId } from "./templates";

export type CapacityResourceDto = {
  id: string;
  name: string;
  service: string;
  serviceName: string;
  /** null: the default data source. */
  datasourceId: string | null;
  datasourceName: string | null;
  usageQuery: string;
  /** A constant limit, or null when `limitQuery` gives it. */
  limit: number | null;
  limitQuery: string | null;
  unit: string;
  warningLevel: number;
  lookbackDays: number;
  resolutionSeconds: number;
  template: TemplateId | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type CapacityRow = {
  id: string;
  name: string;
  serviceSlug: string;
  serviceName: string;
  datasourceId: string | null;
  datasourceName: string | null;
  usageQuery: string;
  limitValue: number | null;
  limitQuery: string | null;
  unit: string;
  warningLevel: number;
  lookbackDays: number;
  resolutionSeconds: number;
  template: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export function capacityDto(r: CapacityRow): CapacityResourceDto {
  return {
    id: r.id,
    name: r.name,
    service: r.serviceSlug,
    serviceName: r.serviceName,
    datasourceId: r.datasourceId,
    datasourceName: r.datasourceName,
    usageQuery: r.usageQuery,
    limit: r.limitValue,
    limitQuery: r.limitQuery,
    unit: r.unit,
    warningLevel: r.warningLevel,
    lookbackDays: r.lookbackDays,
    resolutionSeconds: r.resolutionSeconds,
    template: r.template as TemplateId | null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
